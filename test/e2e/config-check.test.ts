import { describe, expect, it } from "vitest";
import { runNode } from "../helpers/spawn.js";

const check = (env: Record<string, string>, ...args: string[]) => runNode("bin/mss-bot.js", ["config", "check", ...args], { env });

describe("mss-bot config check", () => {
  it("shows what a valid environment enables, with secrets masked", async () => {
    const { code, stdout } = await check({ SLACK_BOT_TOKEN: "xoxb-0123456789-secret", SLACK_SIGNING_SECRET: "signing-secret-value", SLACK_ADMIN_USER_IDS: "U0123ABC", MSS_TZ: "Europe/Berlin" });
    expect(code).toBe(0);
    expect(stdout).toContain("Configuration is valid.");
    expect(stdout).toContain("platforms:      Slack");
    expect(stdout).toContain("HTTP on port 3000 at /slack/events");
    expect(stdout).toContain("sync:           */30 * * * * (Europe/Berlin)");
    expect(stdout).not.toContain("0123456789-secret");
    expect(stdout).not.toContain("signing-secret-value");
  });

  it("says console only with no tokens, as JSON too", async () => {
    const { code, stdout } = await check({}, "--json");
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ ok: true, config: { platforms: "console only (no Discord or Slack token set)" } });
  });

  it("lists every problem and exits 2", async () => {
    const { code, stderr } = await check({ PORT: "http", SLACK_BOT_TOKEN: "xoxb-1", MSS_READING_CRON: "mondays", DISCORD_GUILD_ID: "my-server" });
    expect(code).toBe(2);
    expect(stderr).toContain("PORT must be a whole number from 0 to 65535");
    expect(stderr).toContain("MSS_READING_CRON must be a cron expression");
    expect(stderr).toContain("DISCORD_GUILD_ID must be a numeric server (guild) id");
  });

  it("lists the problems across variables beside a variable's own, at once", async () => {
    const { code, stderr, stdout } = await check({ MSS_READING_POST_LEAD: "1d", MSS_CALENDAR_TOKEN: "short", DISCORD_APP_ID: "123456789" }, "--json");
    expect(code).toBe(2);
    expect(stderr).toContain("Configuration is invalid (3 problems)");
    expect(stderr).toContain("MSS_CALENDAR_TOKEN must be 16 to 128 letters");
    expect(stderr).toContain("MSS_READING_POST_LEAD must be longer than the first reminder of MSS_READING_REMIND (2d)");
    expect(stderr).toContain("DISCORD_TOKEN is required when DISCORD_APP_ID is set");
    expect(JSON.parse(stdout).problems.map((p: { variable: string }) => p.variable).sort()).toEqual(["DISCORD_TOKEN", "MSS_CALENDAR_TOKEN", "MSS_READING_POST_LEAD"]);
  });

  it("checks the post lead against a reminder list only when that list is valid itself", async () => {
    const { code, stderr } = await check({ MSS_READING_POST_LEAD: "1d", MSS_READING_REMIND: "soon" });
    expect(code).toBe(2);
    expect(stderr).toContain("Configuration is invalid (1 problem)");
    expect(stderr).toContain("MSS_READING_REMIND");
  });

  it("names the missing signing secret for Slack over HTTP", async () => {
    const { code, stderr } = await check({ SLACK_BOT_TOKEN: "xoxb-1" }, "--json");
    expect(code).toBe(2);
    expect(stderr).toContain("SLACK_SIGNING_SECRET is required for the HTTP receiver");
  });
});
