import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { DiscordAdapter } from "../../adapters/discord/discord-adapter.js";
import { createRegistry } from "../../src/commands/all.js";
import { MemorySettings } from "../../src/store/memory-settings.js";
import { FakeDiscord, IDS, type Recorded } from "../fakes/discord/fake-discord.js";
import { testServices } from "../helpers/bundled.js";
import { startBot, type BotOptions } from "./bot-harness.js";
import { CORE_WITHOUT_READING, extraCommands } from "./test-commands.js";

let fake: FakeDiscord;
let bots: DiscordAdapter[] = [];
const puts = () => fake.requests.filter((r: Recorded) => r.method === "PUT");
const start = async (over: BotOptions = {}) => {
  const bot = await startBot(fake, over);
  bots.push(bot);
  return bot;
};

beforeEach(async () => {
  fake = await FakeDiscord.start();
  bots = [];
});
afterEach(async () => {
  for (const bot of bots) await bot.stop();
  await fake.stop();
});

describe("slash command registration", () => {
  it("PUTs the generated commands to the guild once, and not again on an unchanged restart", async () => {
    const settings = new MemorySettings();
    const first = await start({ settings });
    expect(puts().map((r) => r.path)).toEqual([`/applications/${IDS.appId}/guilds/${IDS.guildId}/commands`]);
    expect(puts()[0]?.body.map((c: { name: string }) => c.name)).toEqual(createRegistry().roots());
    await first.stop();
    await start({ settings });
    expect(puts()).toHaveLength(1);
  });

  it("PUTs again when the definitions change", async () => {
    const settings = new MemorySettings();
    await (await start({ settings })).stop();
    const services = { ...testServices(), commands: createRegistry([...CORE_WITHOUT_READING, ...extraCommands()]) };
    await start({ settings, services });
    expect(puts()).toHaveLength(2);
    expect(puts()[1]?.body.map((c: { name: string }) => c.name)).toContain("purge");
  });

  it("registers globally without a guild id", async () => {
    await start({ guildId: null });
    expect(puts().map((r) => r.path)).toEqual([`/applications/${IDS.appId}/commands`]);
  });

  it("re-registers through syncCommands only when something changed", async () => {
    const bot = await start();
    expect(await bot.syncCommands()).toBe("unchanged");
    expect(puts()).toHaveLength(1);
  });

  it("stays up when registration fails, and registers at the next login", async () => {
    const settings = new MemorySettings();
    fake.failNext((r) => r.method === "PUT", { status: 400, body: { message: "Invalid Form Body", code: 50035 } });
    const bot = await start({ settings });
    expect(bot.status().ready).toBe(true);
    expect(puts()).toHaveLength(1);
    await bot.stop();
    await start({ settings });
    expect(puts()).toHaveLength(2);
  });
});
