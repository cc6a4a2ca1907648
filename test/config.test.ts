import { describe, expect, it } from "vitest";
import { parseConfig } from "../src/config.js";

describe("configuration from the environment", () => {
  it("runs the console on the bundled list with no variables set", () => {
    const result = parseConfig({});
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config).toMatchObject({
      discord: null,
      slack: null,
      port: 3000,
      upstream: { kind: "bundled", path: expect.stringMatching(/data\/papers\.md$/) },
      syncCron: "*/30 * * * *",
      readingCron: "0 9 * * 1",
      timeZone: "UTC",
      announceChanges: true,
      maxAnnounce: 10,
      logLevel: "info",
      logFile: expect.stringMatching(/data\/mss-bot\.log$/),
    });
  });

  it("switches Discord on with a token and Slack on with a bot token and a mode", () => {
    const result = parseConfig({ DISCORD_TOKEN: "abc", DISCORD_APP_ID: "123456789", SLACK_BOT_TOKEN: "xoxb-1", SLACK_APP_TOKEN: "xapp-1", SLACK_ADMIN_USER_IDS: "U012AB, U034CD" });
    expect(result).toMatchObject({ ok: true, config: { discord: { token: "abc", appId: "123456789" }, slack: { botToken: "xoxb-1", appToken: "xapp-1", adminUserIds: ["U012AB", "U034CD"] } } });
  });

  it("names every bad variable and what it should look like", () => {
    const result = parseConfig({ PORT: "http", MSS_TZ: "Mars/Olympus", MSS_SYNC_CRON: "every day", SLACK_BOT_TOKEN: "xoxp-1", MSS_MAX_ANNOUNCE: "-3", LOG_LEVEL: "loud" });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems.map((p) => p.variable).sort()).toEqual(["LOG_LEVEL", "MSS_MAX_ANNOUNCE", "MSS_SYNC_CRON", "MSS_TZ", "PORT", "SLACK_BOT_TOKEN"]);
    expect(!result.ok && result.problems.find((p) => p.variable === "MSS_TZ")?.message).toContain("IANA time zone");
  });

  it("says a number past its range is too large (or too small), whatever its number of digits", () => {
    const message = (env: Record<string, string>, variable: string) => {
      const result = parseConfig(env);
      return result.ok ? undefined : result.problems.find((p) => p.variable === variable)?.message;
    };
    expect(message({ PORT: "70000" }, "PORT")).toContain("too large: must be at most 65535");
    expect(message({ PORT: "99999999999999999999999" }, "PORT")).toContain("too large: must be at most 65535");
    expect(message({ MSS_MAX_ANNOUNCE: "-3" }, "MSS_MAX_ANNOUNCE")).toMatch(/too small: must be at least \d/);
    expect(message({ PORT: "80.5" }, "PORT")).toContain("must be a whole number from 0 to 65535");
  });

  it("requires a signing secret for Slack over HTTP, and names it", () => {
    expect(parseConfig({ SLACK_BOT_TOKEN: "xoxb-1" })).toEqual({
      ok: false,
      problems: [{ variable: "SLACK_SIGNING_SECRET", message: "is required for the HTTP receiver (or set SLACK_APP_TOKEN for Socket Mode)" }],
    });
  });

  it("takes an upstream URL or a file, and refuses other schemes and missing files", () => {
    expect(parseConfig({ MSS_UPSTREAM_URL: "https://raw.githubusercontent.com/x/MSS-Papers/main/README.md" })).toMatchObject({ ok: true, config: { upstream: { kind: "url" } } });
    expect(parseConfig({ MSS_UPSTREAM_URL: "data/papers.md" })).toMatchObject({ ok: true, config: { upstream: { kind: "file" } } });
    expect(parseConfig({ MSS_UPSTREAM_URL: "ftp://example.org/list.md" })).toMatchObject({ ok: false, problems: [{ variable: "MSS_UPSTREAM_URL" }] });
    expect(parseConfig({ MSS_UPSTREAM_URL: "/nonexistent/list.md" })).toMatchObject({ ok: false, problems: [{ variable: "MSS_UPSTREAM_URL", message: "no file at /nonexistent/list.md" }] });
  });

  it("logs at info to stderr with a platform on, to a file beside the database when the console has the terminal, to stderr as LOG_LEVEL says when set", () => {
    expect(parseConfig({ DISCORD_TOKEN: "t" })).toMatchObject({ ok: true, config: { logLevel: "info", logFile: undefined } });
    expect(parseConfig({ MSS_DB_PATH: "/tmp/mss/bot.db" })).toMatchObject({ ok: true, config: { logLevel: "info", logFile: "/tmp/mss/mss-bot.log" } });
    expect(parseConfig({ LOG_LEVEL: "debug" })).toMatchObject({ ok: true, config: { logLevel: "debug", logFile: undefined } });
  });

  it("treats empty variables as unset", () => {
    expect(parseConfig({ DISCORD_TOKEN: "", SLACK_BOT_TOKEN: " ", PORT: "" })).toMatchObject({ ok: true, config: { discord: null, slack: null, port: 3000 } });
  });

  it("never echoes a secret in a problem", () => {
    const result = parseConfig({ SLACK_BOT_TOKEN: "xoxp-secret-value" });
    expect(JSON.stringify(result)).not.toContain("secret-value");
  });
});
