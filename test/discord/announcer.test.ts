import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { DiscordAdapter } from "../../adapters/discord/discord-adapter.js";
import type { Reply } from "../../src/replies/reply.js";
import { FakeDiscord, IDS } from "../fakes/discord/fake-discord.js";
import { createBot } from "./bot-harness.js";
import { card, EVIL } from "./cards.js";

let fake: FakeDiscord;
let bot: DiscordAdapter;
const posts = () => fake.requests.filter((r) => r.method === "POST" && r.path === `/channels/${IDS.channelId}/messages`);
const announcement = (n = 1): Reply => ({
  kind: "announcement",
  headline: "New in MSS-Papers",
  items: Array.from({ length: n }, (_, i) => ({ change: "added" as const, card: card({ id: `p${i}`, name: `Paper ${i}` }), changes: [] })),
});

/** A first delivery attempt, as the outbox passes it. */
const FIRST = { number: 1, queuedAt: new Date().toISOString() };

// The announcer needs only REST: these tests do not even log in to the gateway.
beforeEach(async () => {
  fake = await FakeDiscord.start();
  bot = createBot(fake);
});
afterEach(async () => {
  await bot.stop();
  await fake.stop();
});

describe("announcing to a Discord channel", () => {
  it("posts once, with the key's nonce, enforce_nonce and no mentions allowed", async () => {
    const result = await bot.announcer.announce(IDS.channelId, announcement(2), "outbox:1:discord", FIRST);
    expect(result).toEqual({ ok: true, messageId: expect.stringMatching(/^\d+$/) });
    expect(posts()).toHaveLength(1);
    const body = posts()[0]?.body;
    expect(body.nonce).toMatch(/^[0-9a-f]{25}$/);
    expect(body.enforce_nonce).toBe(true);
    expect(body.allowed_mentions).toEqual({ parse: [] });
    expect(body.content).toBe("📣 New in MSS-Papers");
    expect(body.embeds.map((e: { title: string }) => e.title)).toEqual(["New: Paper 0", "New: Paper 1"]);
  });

  it("is posted exactly once when the outbox retries the same key", async () => {
    const first = await bot.announcer.announce(IDS.channelId, announcement(), "outbox:2:discord", FIRST);
    const again = await bot.announcer.announce(IDS.channelId, announcement(), "outbox:2:discord", FIRST);
    expect(again).toEqual(first);
    expect(posts()).toHaveLength(2);
    expect(posts()[1]?.body.nonce).toBe(posts()[0]?.body.nonce);
    expect(fake.posted).toHaveLength(1);
  });

  it("batches more than 10 embeds into several messages, each with its own nonce", async () => {
    const result = await bot.announcer.announce(IDS.channelId, announcement(23), "outbox:3:discord", FIRST);
    expect(result.ok).toBe(true);
    expect(posts().map((p) => p.body.embeds.length)).toEqual([10, 10, 3]);
    expect(new Set(posts().map((p) => p.body.nonce)).size).toBe(3);
    expect(posts().map((p) => p.body.content)).toEqual(["📣 New in MSS-Papers", undefined, undefined]);
  });

  it("escapes upstream text and allows no mention", async () => {
    const reply: Reply = { kind: "announcement", headline: EVIL, items: [{ change: "changed", card: card({ name: EVIL, reporters: ["@here"] }), changes: [EVIL] }] };
    await bot.announcer.announce(IDS.channelId, reply, "outbox:4:discord", FIRST);
    const body = posts()[0]?.body;
    expect(JSON.stringify({ content: body.content, embeds: body.embeds })).not.toMatch(/@everyone|@here|<@|(?<!\\\\)\*\*bold/);
    expect(body.allowed_mentions).toEqual({ parse: [] });
  });

  it("allows exactly the presenter's mention in a reading-group post", async () => {
    const reply: Reply = { kind: "session", headline: "Reading group", date: "2026-12-07", presenter: { name: "XiaoKai", userIds: { discord: "123456789012345678" } }, card: card() };
    await bot.announcer.announce(IDS.channelId, reply, "outbox:5:discord", FIRST);
    const body = posts()[0]?.body;
    expect(body.content).toContain("<@123456789012345678>");
    expect(body.allowed_mentions).toEqual({ parse: [], users: ["123456789012345678"] });
  });
});

describe("delivery failures", () => {
  it("reports a 429 as transient with Retry-After, without retrying it itself", async () => {
    fake.failNext((r) => r.path.endsWith("/messages"), { status: 429, headers: { "retry-after": "2", "x-ratelimit-scope": "user" }, body: { message: "You are being rate limited.", retry_after: 2, global: false } });
    const result = await bot.announcer.announce(IDS.channelId, announcement(), "outbox:6:discord", FIRST);
    expect(result).toMatchObject({ ok: false, retry: "transient", reason: expect.stringContaining("Rate limited") });
    expect(result.ok === false && result.retry === "transient" ? result.retryAfterMs : 0).toBeGreaterThanOrEqual(2000);
    expect(posts()).toHaveLength(1);
  });

  it("reports a 500 as transient, without retrying it itself", async () => {
    fake.failNext((r) => r.path.endsWith("/messages"), { status: 500, body: { message: "Internal Server Error", code: 0 } });
    const result = await bot.announcer.announce(IDS.channelId, announcement(), "outbox:7:discord", FIRST);
    expect(result).toMatchObject({ ok: false, retry: "transient", reason: expect.stringContaining("500") });
    expect(posts()).toHaveLength(1);
    expect(await bot.announcer.announce(IDS.channelId, announcement(), "outbox:7:discord", FIRST)).toMatchObject({ ok: true });
  });

  it("marks an unknown channel permanent, with the reason", async () => {
    const result = await bot.announcer.announce("599999999999999999", announcement(), "outbox:8:discord", FIRST);
    expect(result).toEqual({ ok: false, retry: "permanent", reason: "Unknown Channel: channel 599999999999999999 does not exist or was deleted (Discord error 10003, HTTP 404)" });
  });

  it("marks Missing Permissions and Missing Access permanent", async () => {
    fake.failNext((r) => r.path.endsWith("/messages"), { status: 403, body: { message: "Missing Permissions", code: 50013 } });
    expect(await bot.announcer.announce(IDS.channelId, announcement(), "outbox:9:discord", FIRST)).toMatchObject({ retry: "permanent", reason: expect.stringMatching(/^Missing Permissions/) });
    fake.failNext((r) => r.path.endsWith("/messages"), { status: 403, body: { message: "Missing Access", code: 50001 } });
    expect(await bot.announcer.announce(IDS.channelId, announcement(), "outbox:9:discord", FIRST)).toMatchObject({ retry: "permanent", reason: expect.stringMatching(/^Missing Access/) });
  });

  it("reports a network error as transient", async () => {
    const url = fake.apiUrl;
    await fake.stop();
    fake = await FakeDiscord.start();
    const offline = createBot(fake, { apiUrl: url });
    const result = await offline.announcer.announce(IDS.channelId, announcement(), "outbox:10:discord", FIRST);
    await offline.stop();
    expect(result).toEqual({ ok: false, retry: "transient", reason: "Cannot reach Discord (ECONNREFUSED)" });
  });

  it("refuses a channel id that is not a Discord id without calling Discord", async () => {
    expect(await bot.announcer.announce("C0123", announcement(), "k", FIRST)).toMatchObject({ retry: "permanent" });
    expect(posts()).toHaveLength(0);
  });
});
