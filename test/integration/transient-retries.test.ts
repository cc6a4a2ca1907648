import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { nonceFor } from "../../adapters/discord/delivery/nonce.js";
import type { DiscordAdapter } from "../../adapters/discord/discord-adapter.js";
import type { SlackAdapter } from "../../adapters/slack/slack-adapter.js";
import type { Services } from "../../src/services.js";
import { DEFAULT_DELIVERER_OPTIONS } from "../../src/sync/deliverer.js";
import { startBot } from "../discord/bot-harness.js";
import { FakeDiscord, type Recorded } from "../fakes/discord/fake-discord.js";
import { FakeSlack, type Behaviour } from "../fakes/slack/fake-slack.js";
import { startSlackBot } from "../fakes/slack/slack-bot.js";
import { FakeUpstream } from "../fakes/upstream-server.js";
import { bundledText, run, testServices } from "../helpers/bundled.js";
import { versionTwo } from "../helpers/versions.js";

/** The production retry policy (a jittered backoff from 1 s, the platform's wait when it names one), on the real clock. */
const policy = { backoffMs: DEFAULT_DELIVERER_OPTIONS.backoffMs, maxBackoffMs: DEFAULT_DELIVERER_OPTIONS.maxBackoffMs, jitter: DEFAULT_DELIVERER_OPTIONS.jitter };

/** One Slack channel per transient kind, each failing only its first post. */
const SLACK_FAULTS: Record<string, Behaviour> = {
  C0RATELIMIT: { kind: "ratelimited", retryAfter: 1 },
  C0RATEIN200: { kind: "error", error: "ratelimited" },
  C0INTERNAL: { kind: "error", error: "internal_error", stored: true },
  C0TIMEOUT: { kind: "late", ms: 1_500 },
  C0UNAVAILABLE: { kind: "status", status: 503 },
};

const posting = (channel: string) => (r: Recorded) => r.method === "POST" && r.path === `/channels/${channel}/messages`;

/** The same kinds on Discord: a 429 with retry_after, a 500 after the message was stored, an answer after the client's timeout, a 503. */
const DISCORD_FAULTS: Record<string, (fake: FakeDiscord, channel: string) => void> = {
  "510000000000000001": (fake, c) =>
    fake.failNext(posting(c), { status: 429, headers: { "retry-after": "1", "x-ratelimit-scope": "user" }, body: { message: "You are being rate limited.", retry_after: 1, global: false } }),
  "510000000000000002": (fake, c) => fake.failNext(posting(c), { afterStoring: true, status: 500, body: { message: "500: Internal Server Error", code: 0 } }),
  "510000000000000003": (fake, c) => fake.lateNext(posting(c), 11_000),
  "510000000000000004": (fake, c) => fake.failNext(posting(c), { status: 503 }),
};

let slack: FakeSlack;
let discord: FakeDiscord;
let upstream: FakeUpstream;
let services: Services;
let slackBot: SlackAdapter;
let discordBot: DiscordAdapter;

beforeEach(async () => {
  slack = await new FakeSlack().start();
  discord = await FakeDiscord.start();
  upstream = await new FakeUpstream().start();
  upstream.serve(bundledText());
  services = testServices(bundledText(), { upstream: { kind: "url", url: upstream.url }, now: () => new Date(), deliverer: policy });
  slackBot = (await startSlackBot(slack, { services, webTimeoutMs: 1_000 })).adapter;
  discordBot = await startBot(discord, { services, settings: services.store.settings });
  await vi.waitFor(() => expect(slackBot.status().ready).toBe(true), { timeout: 10_000 });
  services.deliverer.register(slackBot.announcer);
  services.deliverer.register(discordBot.announcer);
});
afterEach(async () => {
  await services.deliverer.stop();
  await slackBot.stop();
  await discordBot.stop();
  await slack.close();
  await discord.stop();
  await upstream.stop();
});

/** The outbox keys of a channel in the order the papers were queued. */
const queuedKeys = (platform: string, channel: string) => services.store.outbox.forChannel(platform, channel).reverse().map((r) => r.key);
const slackKeys = (channel: string) => slack.postedIn(channel).map((m) => (m.metadata as { event_payload: { key: string } }).event_payload.key);
const discordNonces = (channel: string) => discord.posted.filter(posting(channel)).map((r) => String(r.body?.nonce));

describe("a transient failure is retried when the platform allows, on every platform", () => {
  it("ends each Slack and Discord fault in exactly one visible post per paper, in list order", async () => {
    for (const [channel, fault] of Object.entries(SLACK_FAULTS)) {
      await run("subscribe", {}, services, { platform: "slack", isAdmin: true, channel });
      slack.scriptChannel(channel, fault);
    }
    for (const [channel, fault] of Object.entries(DISCORD_FAULTS)) {
      discord.channels.add(channel);
      await run("subscribe", {}, services, { platform: "discord", isAdmin: true, channel });
      fault(discord, channel);
    }
    await services.sync.run();
    services.deliverer.start();
    upstream.serve(versionTwo());
    await services.sync.run();
    void services.deliverer.deliverDue(); // as the sync's onEnqueued does in app/

    // Under the old 30 s floor none of these channels had its first paper by now.
    await vi.waitFor(() => expect(services.store.outbox.counts()).toMatchObject({ pending: 0, sending: 0 }), { timeout: 20_000, interval: 100 });
    expect(services.store.outbox.counts()).toEqual({ pending: 0, sending: 0, sent: 36, failed: 0 });
    for (const channel of Object.keys(SLACK_FAULTS)) {
      expect(queuedKeys("slack", channel)).toHaveLength(4);
      expect(slackKeys(channel), channel).toEqual(queuedKeys("slack", channel));
    }
    for (const channel of Object.keys(DISCORD_FAULTS)) {
      expect(queuedKeys("discord", channel)).toHaveLength(4);
      expect(discordNonces(channel), channel).toEqual(queuedKeys("discord", channel).map((key) => nonceFor(key)));
    }
    // Each faulted channel's first paper was attempted twice, never posted twice.
    for (const channel of [...Object.keys(SLACK_FAULTS)]) expect(slack.callsOf("chat.postMessage").filter((c) => c.args.channel === channel).length, channel).toBeLessThanOrEqual(5);
  }, 40_000);
});
