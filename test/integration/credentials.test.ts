import { rmSync } from "node:fs";
import { dirname } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { DiscordAdapter } from "../../adapters/discord/discord-adapter.js";
import { checkReadiness } from "../../src/ops/readiness.js";
import type { ChatAdapter } from "../../src/ports.js";
import type { Services } from "../../src/services.js";
import { createBot } from "../discord/bot-harness.js";
import { FakeDiscord, IDS } from "../fakes/discord/fake-discord.js";
import { FakeSlack } from "../fakes/slack/fake-slack.js";
import { startSlackBot, type RunningBot } from "../fakes/slack/slack-bot.js";
import { FakeUpstream } from "../fakes/upstream-server.js";
import { bundledText, testServices } from "../helpers/bundled.js";
import { capturedLog, type LogLine } from "../helpers/captured-log.js";
import { TestClock } from "../helpers/clock.js";
import { tempDbPath } from "../helpers/spawn.js";
import { versionTwo } from "../helpers/versions.js";

const MINUTE = 60_000;
let upstream: FakeUpstream;
const cleanups: Array<() => Promise<void> | void> = [];
beforeEach(async () => {
  upstream = await new FakeUpstream().start();
  upstream.serve(bundledText());
});
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  await upstream.stop();
});

/** Services with version two queued for `channels` of `platform`. */
async function queued(platform: "slack" | "discord", channels: string[], over: { dbPath?: string } = {}) {
  const clock = new TestClock();
  const captured = capturedLog();
  const services = testServices(bundledText(), { upstream: { kind: "url", url: upstream.url }, now: clock.now, log: captured.log, ...over });
  cleanups.push(() => services.store.close());
  for (const channel of channels) services.store.subscriptions.subscribe(platform, channel, {}, "test", clock.now().toISOString());
  await services.sync.run();
  upstream.serve(versionTwo());
  await services.sync.run();
  return { services, clock, captured };
}

const readiness = (services: Services, adapters: ChatAdapter[], clock: TestClock) =>
  checkReadiness({ store: services.store, adapters, source: services.sync.source, now: clock.now, syncMaxAgeMs: 3 * 60 * MINUTE, startedAt: clock.now(), heldPlatforms: () => services.deliverer.heldPlatforms() });
const errors = (lines: LogLine[]) => lines.filter((l) => l.level >= 50).map((l) => l.msg);

describe("a platform refusing the bot's credentials", () => {
  it("Slack invalid_auth holds every Slack delivery, fails and pauses nothing, says so in /readyz, and delivers once the token works", async () => {
    const fake = await new FakeSlack().start();
    cleanups.push(() => fake.close());
    const { services, clock, captured } = await queued("slack", ["C0PAPERS", "C0OTHER"]);
    const bot: RunningBot = await startSlackBot(fake, { services });
    cleanups.push(() => bot.adapter.stop());
    services.deliverer.register(bot.adapter.announcer);
    const posts = () => fake.callsOf("chat.postMessage");

    fake.script("chat.postMessage", { kind: "error", error: "invalid_auth" });
    expect(await services.deliverer.deliverDue()).toEqual({ sent: 0, retried: 1, failed: 0 });
    expect(posts()).toHaveLength(1);
    expect(services.store.outbox.counts()).toMatchObject({ pending: 8, failed: 0, sent: 0 });
    expect(services.store.subscriptions.all().map((s) => [s.status, s.permanentFailures])).toEqual([["active", 0], ["active", 0]]);
    expect(errors(captured.lines)).toEqual(["slack refused the bot's credentials: every slack delivery waits until they work again"]);
    const notReady = readiness(services, [bot.adapter], clock);
    expect(notReady.ready).toBe(false);
    expect(notReady.checks.find((c) => !c.ok)).toMatchObject({ name: "slack credentials", detail: expect.stringContaining("invalid_auth: Slack rejects the bot token") });

    // Held: nothing is tried again before the backoff, in either channel.
    clock.advance(MINUTE);
    await services.deliverer.deliverDue();
    expect(posts()).toHaveLength(1);

    // Still refused after five minutes (the app was deactivated meanwhile): held longer, not logged again as an error.
    fake.script("chat.postMessage", { kind: "error", error: "account_inactive" });
    clock.advance(5 * MINUTE);
    expect(await services.deliverer.deliverDue()).toEqual({ sent: 0, retried: 1, failed: 0 });
    expect(errors(captured.lines)).toHaveLength(1);
    expect(services.store.outbox.counts()).toMatchObject({ pending: 8, failed: 0 });

    // The workspace admin reinstalls the app: the next try delivers everything, in order per channel.
    clock.advance(10 * MINUTE);
    expect(await services.deliverer.deliverDue()).toEqual({ sent: 8, retried: 0, failed: 0 });
    expect(fake.posted).toHaveLength(8);
    expect(readiness(services, [bot.adapter], clock).ready).toBe(true);
    expect(captured.lines.some((l) => l.msg === "slack accepts the bot's credentials again; its deliveries resume")).toBe(true);
  });

  it("Discord 401 holds every Discord delivery; after the token is fixed and the bot restarted, each paper is posted once", async () => {
    const fake = await FakeDiscord.start();
    cleanups.push(() => fake.stop());
    const dbPath = tempDbPath();
    cleanups.push(() => rmSync(dirname(dbPath), { recursive: true, force: true }));
    const { services, clock, captured } = await queued("discord", [IDS.channelId], { dbPath });
    const bot: DiscordAdapter = createBot(fake, { services });
    cleanups.push(() => bot.stop());
    services.deliverer.register(bot.announcer);
    const posts = () => fake.requests.filter((r) => r.method === "POST" && r.path === `/channels/${IDS.channelId}/messages`);

    fake.rejectToken = true;
    expect(await services.deliverer.deliverDue()).toEqual({ sent: 0, retried: 1, failed: 0 });
    expect(posts()).toHaveLength(1);
    expect(services.store.outbox.counts()).toMatchObject({ pending: 4, failed: 0 });
    expect(services.store.subscriptions.get("discord", IDS.channelId)).toMatchObject({ status: "active", permanentFailures: 0 });
    expect(errors(captured.lines)).toEqual(["discord refused the bot's credentials: every discord delivery waits until they work again"]);
    expect(readiness(services, [], clock).checks).toContainEqual(expect.objectContaining({ name: "discord credentials", ok: false, detail: expect.stringContaining("fix DISCORD_TOKEN and restart") }));

    // discord.js dropped the token after the 401: tries after the backoff are refused without reaching Discord, still held.
    clock.advance(5 * MINUTE);
    expect(await services.deliverer.deliverDue()).toEqual({ sent: 0, retried: 1, failed: 0 });
    expect(services.store.outbox.counts()).toMatchObject({ pending: 4, failed: 0 });

    // The operator fixes DISCORD_TOKEN and restarts: the new process delivers at once, each paper once.
    fake.rejectToken = false;
    await bot.stop();
    services.store.close();
    const restarted = testServices(bundledText(), { upstream: { kind: "url", url: upstream.url }, now: clock.now, dbPath });
    cleanups.push(() => restarted.store.close());
    const fixed = createBot(fake, { services: restarted });
    cleanups.push(() => fixed.stop());
    restarted.deliverer.register(fixed.announcer);
    expect(await restarted.deliverer.deliverDue()).toEqual({ sent: 4, retried: 0, failed: 0 });
    expect(fake.posted).toHaveLength(4);
    expect(restarted.store.outbox.counts()).toMatchObject({ sent: 4, pending: 0, failed: 0 });
  });
});
