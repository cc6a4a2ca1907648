import { describe, expect, it } from "vitest";
import { buildManifest, slashCommands } from "../../adapters/slack/manifest.js";
import { ALL_COMMANDS, createRegistry } from "../../src/commands/all.js";
import { SLACK_ROOTS } from "../../src/commands/usage.js";
import { runNode } from "../helpers/spawn.js";


/** The slash command a core command is typed with in Slack. */
const slashFor = (name: string) => `/${SLACK_ROOTS.find((root) => name === root || name.startsWith(`${root} `)) ?? "mss"}`;

describe("the Slack app manifest", () => {
  it("offers every core command through a slash command", () => {
    const commands = slashCommands(createRegistry());
    expect(commands.map((c) => c.command)).toEqual(["/paper", "/papers", "/reading", "/mss"]);
    const mss = commands.find((c) => c.command === "/mss");
    for (const command of ALL_COMMANDS) {
      const entry = commands.find((c) => c.command === slashFor(command.name));
      expect(entry, command.name).toBeDefined();
      if (entry === mss) expect(mss?.usage_hint.split(/ \| | …/)).toContain(command.name);
    }
    expect(commands[1]).toEqual({
      command: "/papers",
      description: "Browse the papers, filtered by list, venue, year, category, reporter or author, 10 per page.",
      usage_hint: "[venue:VENUE] [year:YEAR] [tag:TAG] [reporter:REPORTER] [code:yes] [author:AUTHOR] [list:LIST] [page:PAGE]",
    });
  });

  it("adds /reading when reading commands exist, listing its subcommands", () => {
    const reading = slashCommands(createRegistry()).find((c) => c.command === "/reading");
    expect(reading?.description).toMatch(/^Reading: next, schedule, history, stats, members, queue list, join, leave, link, /);
    expect(reading?.usage_hint).toMatch(/^next \| schedule \| history \| stats \| /);
    expect(slashCommands(createRegistry(ALL_COMMANDS.filter((c) => !c.name.startsWith("reading ")))).map((c) => c.command)).toEqual(["/paper", "/papers", "/mss"]);
  });

  it("is Socket Mode by default, with interactivity and the scopes the adapter uses", () => {
    const manifest = buildManifest(createRegistry());
    expect(manifest.settings).toEqual({ interactivity: { is_enabled: true }, org_deploy_enabled: false, socket_mode_enabled: true, token_rotation_enabled: false });
    expect(manifest.oauth_config?.scopes?.bot).toEqual(["commands", "chat:write", "chat:write.public", "users:read", "channels:history", "groups:history", "im:write", "files:write"]);
    expect(manifest.features?.slash_commands?.every((c) => c.url === undefined && c.should_escape === false)).toBe(true);
  });

  it("points every request URL at /slack/events for HTTP", () => {
    const manifest = buildManifest(createRegistry(), { httpBaseUrl: "https://bot.example.org/" });
    expect(manifest.settings).toMatchObject({ socket_mode_enabled: false, interactivity: { is_enabled: true, request_url: "https://bot.example.org/slack/events" } });
    expect(new Set(manifest.features?.slash_commands?.map((c) => c.url))).toEqual(new Set(["https://bot.example.org/slack/events"]));
  });

  it("is printed by mss-bot slack manifest, and a bad --http exits 2", async () => {
    const socket = await runNode("bin/mss-bot.js", ["slack", "manifest"]);
    expect(socket.code).toBe(0);
    expect(JSON.parse(socket.stdout)).toEqual(buildManifest(createRegistry()));
    const bad = await runNode("bin/mss-bot.js", ["slack", "manifest", "--http", "not a url"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--http needs the bot's public base URL");
  });
});
