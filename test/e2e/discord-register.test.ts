import { afterEach, describe, expect, it } from "vitest";
import { createRegistry } from "../../src/commands/all.js";
import { FakeDiscord, IDS } from "../fakes/discord/fake-discord.js";
import { runNode } from "../helpers/spawn.js";

const cli = (args: string[], env: Record<string, string> = {}) => runNode("bin/mss-bot.js", ["discord", "register", ...args], { env });

let fake: FakeDiscord | undefined;
afterEach(async () => {
  await fake?.stop();
  fake = undefined;
});

describe("mss-bot discord register", () => {
  it("prints the generated slash-command JSON with --dry-run, without a token", async () => {
    const { code, stdout } = await cli(["--dry-run"]);
    expect(code).toBe(0);
    const json = JSON.parse(stdout) as Array<{ name: string }>;
    expect(json.map((c) => c.name)).toEqual(createRegistry().roots());
  }, 60_000);

  it("refuses to register without a token", async () => {
    const { code, stdout, stderr } = await cli([]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toContain("DISCORD_TOKEN is not set");
  }, 60_000);

  it("PUTs exactly the printed JSON to the server's commands", async () => {
    fake = await FakeDiscord.start();
    const { code, stdout, stderr } = await cli([], { DISCORD_TOKEN: IDS.token, DISCORD_API_URL: fake.apiUrl, DISCORD_GUILD_ID: IDS.guildId });
    expect(stderr).toBe(`registered ${createRegistry().roots().length} commands on server ${IDS.guildId}\n`);
    expect(code).toBe(0);
    const put = fake.requests.find((r) => r.method === "PUT");
    expect(put?.path).toBe(`/applications/${IDS.appId}/guilds/${IDS.guildId}/commands`);
    expect(put?.body).toEqual(JSON.parse(stdout));
  }, 60_000);
});
