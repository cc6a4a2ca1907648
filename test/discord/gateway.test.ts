import { afterEach, describe, expect, it } from "vitest";
import type { DiscordAdapter } from "../../adapters/discord/discord-adapter.js";
import { MemorySettings } from "../../src/store/memory-settings.js";
import { FakeDiscord, IDS } from "../fakes/discord/fake-discord.js";
import { buttonInteraction, commandInteraction, messageFrom, option } from "../fakes/discord/payloads.js";
import { createBot, loggingServices, startBot, waitFor } from "./bot-harness.js";

let fake: FakeDiscord | undefined;
let bots: DiscordAdapter[] = [];
afterEach(async () => {
  for (const bot of bots) await bot.stop();
  bots = [];
  await fake?.stop();
  fake = undefined;
});
const keep = (bot: DiscordAdapter) => (bots.push(bot), bot);

describe("the gateway connection", () => {
  it("resumes a dropped connection (RESUME -> RESUMED) and answers interactions afterwards", async () => {
    fake = await FakeDiscord.start();
    keep(await startBot(fake));
    const seen = fake.gateway.received.length;
    fake.gateway.drop();
    const resume = await fake.gateway.waitForOp(6, seen);
    expect(resume.d).toMatchObject({ token: IDS.token, session_id: "session-1" });
    expect(fake.gateway.received.filter((f) => f.op === 2)).toHaveLength(1);
    const callback = await fake.interact(commandInteraction("paper", [option("query", "AlpaServe")]));
    expect(callback.body.data.embeds[0].title).toBe("AlpaServe");
  });

  it("answers an interaction sent while the connection was down, once it is replayed on resume", async () => {
    fake = await FakeDiscord.start();
    const bot = keep(await startBot(fake));
    fake.gateway.drop();
    const interaction = commandInteraction("paper", [option("query", "Shepherd")]);
    const callback = await fake.interact(interaction);
    expect(fake.gateway.received.some((f) => f.op === 6 && f.at < callback.at)).toBe(true);
    expect(callback.body.data.embeds[0].title).toBe("Shepherd");
    await waitFor(() => bot.status().ready, "ready after resume");
  });

  it("serves a Next button from before a restart with a NEW client", async () => {
    fake = await FakeDiscord.start();
    const settings = new MemorySettings();
    const before = await startBot(fake, { settings });
    const first = await fake.interact(commandInteraction("papers"));
    await before.stop();
    expect(before.status()).toEqual({ ready: false, reason: "stopped" });

    keep(await startBot(fake, { settings }));
    expect(fake.gateway.sessions).toEqual(["session-1", "session-2"]);
    const next = first.body.data.components[0].components.find((c: { label: string }) => c.label === "Next ▶").custom_id;
    const second = await fake.interact(buttonInteraction(next, messageFrom(first)));
    expect(second.body.type).toBe(7);
    expect(second.body.data.embeds[0].footer.text).toBe("25 papers · page 2 of 3");
  });

  it("logs one line when a lost connection stays down, and serves again once the gateway is back", async () => {
    fake = await FakeDiscord.start();
    const lines: Array<{ level: number; msg: string }> = [];
    const bot = keep(await startBot(fake, { services: loggingServices(lines), retry: { readyTimeoutMs: 3000 } }));
    fake.gatewayDown = true;
    fake.gateway.drop();
    await waitFor(() => lines.some((l) => l.msg === "discord: the gateway connection has been down for 3s; still reconnecting"), "the warning");
    expect(bot.status()).toEqual({ ready: false, reason: "reconnecting to the Discord gateway" });
    fake.gatewayDown = false;
    await waitFor(() => bot.status().ready, "the connection to come back");
    expect(lines.filter((l) => l.msg.includes("still reconnecting"))).toHaveLength(1);
    const callback = await fake.interact(commandInteraction("paper", [option("query", "AlpaServe")]));
    expect(callback.body.data.embeds[0].title).toBe("AlpaServe");
  }, 60_000);
});

describe("failing to log in", () => {
  it("logs one clear line per attempt, retries with backoff, and connects once the token is accepted", async () => {
    fake = await FakeDiscord.start();
    fake.rejectToken = true;
    const lines: Array<{ level: number; msg: string }> = [];
    const bot = keep(createBot(fake, { services: loggingServices(lines) }));
    await bot.start();
    expect(bot.status()).toEqual({ ready: false, reason: "Discord rejected DISCORD_TOKEN (401 Unauthorized); check the bot token" });
    expect(lines[0]?.msg).toBe("discord: login failed (attempt 1): Discord rejected DISCORD_TOKEN (401 Unauthorized); check the bot token; retrying in 0.025s");
    await waitFor(() => lines.some((l) => l.msg.includes("(attempt 3)")), "a third attempt");
    expect(lines.find((l) => l.msg.includes("(attempt 3)"))?.msg).toContain("retrying in 0.1s");
    fake.rejectToken = false;
    await waitFor(() => bot.status().ready, "the bot to connect");
    expect(lines.map((l) => JSON.stringify(l)).join("\n")).not.toContain(IDS.token);
    const callback = await fake.interact(commandInteraction("paper", [option("query", "AlpaServe")]));
    expect(callback.body.data.embeds[0].title).toBe("AlpaServe");
  }, 60_000);

  it("returns from start() while the gateway is unreachable, says so once, and connects when it is back", async () => {
    fake = await FakeDiscord.start();
    fake.gatewayDown = true;
    const lines: Array<{ level: number; msg: string }> = [];
    const bot = keep(createBot(fake, { services: loggingServices(lines), retry: { readyTimeoutMs: 2000 } }));
    await bot.start();
    expect(bot.status()).toEqual({ ready: false, reason: "no READY from the Discord gateway within 2s; still trying" });
    expect(lines.map((l) => l.msg)).toEqual(["discord: logged in to the API, but the gateway did not become ready within 2s; still trying"]);
    fake.gatewayDown = false;
    await waitFor(() => bot.status().ready, "the bot to connect");
    expect(fake.gateway.sessions).toEqual(["session-1"]);
    expect(fake.requests.filter((r) => r.path === "/gateway/bot")).toHaveLength(1);
  }, 60_000);

  it("does not throw when the API is unreachable, and stops cleanly while retrying", async () => {
    fake = await FakeDiscord.start();
    const closed = await FakeDiscord.start();
    const deadUrl = closed.apiUrl;
    await closed.stop();
    const bot = createBot(fake, { apiUrl: deadUrl });
    await bot.start();
    expect(bot.status()).toEqual({ ready: false, reason: "cannot reach Discord (ECONNREFUSED)" });
    await bot.stop();
    expect(bot.status().ready).toBe(false);
  });
});
