import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FakeUpstream } from "../fakes/upstream-server.js";
import { RecordingAnnouncer } from "../fakes/recording-announcer.js";
import { bundledText, run, testServices } from "../helpers/bundled.js";
import { TestClock } from "../helpers/clock.js";
import { versionTwo } from "../helpers/versions.js";

let upstream: FakeUpstream;
beforeEach(async () => {
  upstream = await new FakeUpstream().start();
  upstream.serve(bundledText());
});
afterEach(() => upstream.stop());

/** Version two queued for the given channels (4 announcements each), delivery not yet attempted. */
async function queued(channels: string[], options: Parameters<typeof testServices>[1] = {}) {
  const clock = new TestClock();
  const s = testServices(bundledText(), { upstream: { kind: "url", url: upstream.url }, now: clock.now, ...options });
  for (const channel of channels) await run("subscribe", {}, s, { platform: "discord", isAdmin: true, channel });
  await s.sync.run();
  upstream.serve(versionTwo());
  await s.sync.run();
  const discord = new RecordingAnnouncer("discord");
  s.deliverer.register(discord);
  return { s, discord, clock };
}

const transient = (retryAfterMs?: number) => ({ ok: false as const, retry: "transient" as const, reason: "HTTP 500 from Discord", ...(retryAfterMs ? { retryAfterMs } : {}) });
const permanent = { ok: false as const, retry: "permanent" as const, reason: "Unknown Channel (10003)" };

describe("delivering the outbox", () => {
  it("retries a transient failure after its backoff and posts exactly once", async () => {
    const { s, discord, clock } = await queued(["c"]);
    discord.then(transient());
    expect(await s.deliverer.deliverDue()).toEqual({ sent: 0, retried: 1, failed: 0 });
    expect(await s.deliverer.deliverDue()).toEqual({ sent: 0, retried: 0, failed: 0 });
    clock.advance(1000);
    expect(await s.deliverer.deliverDue()).toEqual({ sent: 4, retried: 0, failed: 0 });
    expect(discord.posted).toHaveLength(4);
    expect(s.store.outbox.counts()).toEqual({ pending: 0, sending: 0, sent: 4, failed: 0 });
  });

  it("keeps a channel in announcement order: a retried first paper holds the ones after it, other channels go on", async () => {
    const { s, discord, clock } = await queued(["c", "d"]);
    const order = s.store.outbox.forChannel("discord", "c").reverse().map((r) => r.key);
    discord.then((channel) => (channel === "c" ? transient() : undefined));
    expect(await s.deliverer.deliverDue()).toEqual({ sent: 4, retried: 1, failed: 0 });
    expect(discord.namesIn("c")).toEqual([]);
    expect(discord.namesIn("d")).toHaveLength(4);
    clock.advance(1000);
    await s.deliverer.deliverDue();
    expect(discord.posted.filter((p) => p.channelId === "c").map((p) => p.key)).toEqual(order);
    expect(discord.namesIn("c")).toEqual(discord.namesIn("d"));
  });

  it("honours Retry-After when it is longer than the backoff, and doubles the backoff per attempt", async () => {
    const { s, discord, clock } = await queued(["c"]);
    discord.then(transient(120_000));
    await s.deliverer.deliverDue();
    const row = s.store.outbox.recent().find((r) => r.lastError !== null);
    expect(row?.nextAttemptAt).toBe(new Date(clock.now().getTime() + 120_000).toISOString());
    clock.advance(120_000);
    discord.then(transient());
    await s.deliverer.deliverDue();
    expect(s.store.outbox.recent().find((r) => r.lastError !== null)?.nextAttemptAt).toBe(new Date(clock.now().getTime() + 2_000).toISOString());
  });

  it("fails a row for good on a permanent error, with the reason, and still serves the other channels", async () => {
    const { s, discord } = await queued(["gone", "ok"]);
    discord.then(...Array.from({ length: 8 }, () => (channel: string) => (channel === "gone" ? permanent : undefined)));
    expect(await s.deliverer.deliverDue()).toEqual({ sent: 4, retried: 0, failed: 3 });
    expect(discord.namesIn("ok")).toHaveLength(4);
    // The third failure in a row paused the channel, so its last row waits instead of failing too.
    expect(s.store.outbox.forChannel("discord", "gone").map((r) => [r.status, r.lastError])).toEqual([
      ["pending", null],
      ...Array(3).fill(["failed", "Unknown Channel (10003)"]),
    ]);
    const why = await run("why", { paper: "FlexServe" }, s, { platform: "discord", channel: "gone" });
    expect(JSON.stringify(why)).toContain("its addition could not be delivered: Unknown Channel (10003)");
    const waiting = await run("why", { paper: "ZipServe" }, s, { platform: "discord", channel: "gone" });
    expect(JSON.stringify(waiting)).toContain("its addition is queued");
  });

  it("pauses a subscription after three permanent failures in a row, never deleting it", async () => {
    const { s, discord } = await queued(["gone"]);
    discord.then(permanent, permanent, permanent);
    await s.deliverer.deliverDue();
    expect(s.store.subscriptions.get("discord", "gone")).toMatchObject({ status: "paused", statusReason: "3 deliveries in a row failed: Unknown Channel (10003)" });
    expect(s.store.outbox.counts()).toMatchObject({ failed: 3, pending: 1 });
    const shown = await run("subscriptions", {}, s, { platform: "discord", channel: "gone" });
    expect(shown).toMatchObject({ sections: [{ rows: expect.arrayContaining([{ label: "Status", value: "paused (3 deliveries in a row failed: Unknown Channel (10003))" }]) }] });

    // The channel is fixed and resumed: the three refused papers go out again, in order, before the one that waited.
    const order = s.store.outbox.forChannel("discord", "gone").reverse().map((r) => r.key);
    const resumed = await run("subscribe", {}, s, { platform: "discord", isAdmin: true, channel: "gone" });
    expect(JSON.stringify(resumed)).toContain("Announcements resumed for this channel: every paper. New papers are posted when the list changes upstream. 3 deliveries that were refused are queued again.");
    expect(await s.deliverer.deliverDue()).toMatchObject({ sent: 4, failed: 0 });
    expect(discord.posted.map((p) => p.key)).toEqual(order);
  });

  it("gives up after the attempt limit with the last reason", async () => {
    const { s, discord, clock } = await queued(["c"], { deliverer: { maxAttempts: 2 } });
    discord.then(transient(), transient(), transient(), transient(), transient(), transient(), transient(), transient());
    // One row at a time: each holds the channel until it gives up.
    for (let i = 0; i < 5; i++) {
      await s.deliverer.deliverDue();
      clock.advance(60_000);
    }
    expect(s.store.outbox.forChannel("discord", "c").map((r) => r.lastError)).toEqual(Array(4).fill("gave up after 2 attempts: HTTP 500 from Discord"));
  });

  it("re-sends a row whose lease ran out with the same key, so the platform keeps one message", async () => {
    const { s, discord, clock } = await queued(["c"]);
    const at = clock.now().toISOString();
    const claimed = s.store.outbox.claimDue(at, new Date(clock.now().getTime() + 120_000).toISOString(), ["discord"], 1);
    await discord.announce(claimed[0]!.channelId, s.store.announcements.get(claimed[0]!.announcementId)!.reply, claimed[0]!.key);
    // The process "dies" here: the platform has the message, the row is still 'sending' and holds its channel.
    expect(await s.deliverer.deliverDue()).toMatchObject({ sent: 0 });
    clock.advance(120_000);
    expect(await s.deliverer.deliverDue()).toMatchObject({ sent: 4 });
    expect(discord.calls.filter((c) => c.key === claimed[0]!.key)).toHaveLength(2);
    expect(discord.posted).toHaveLength(4);
  });

  it("counts a hung announce call as a transient failure", async () => {
    const { s } = await queued(["c"], { deliverer: { callTimeoutMs: 50 } });
    s.deliverer.register({ platform: "discord", announce: () => new Promise(() => undefined) });
    expect(await s.deliverer.deliverDue()).toMatchObject({ retried: 1 });
    expect(s.store.outbox.recent().find((r) => r.lastError !== null)?.lastError).toBe("no answer from discord within 50 ms");
  });

  it("leaves rows of a platform that is not connected waiting", async () => {
    const clock = new TestClock();
    const s = testServices(bundledText(), { upstream: { kind: "url", url: upstream.url }, now: clock.now });
    await run("subscribe", {}, s, { platform: "slack", isAdmin: true, channel: "C1" });
    await s.sync.run();
    upstream.serve(versionTwo());
    await s.sync.run();
    s.deliverer.register(new RecordingAnnouncer("discord"));
    expect(await s.deliverer.deliverDue()).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(s.store.outbox.counts()).toMatchObject({ pending: 4 });
  });
});

describe("the deliverer's wake-ups", () => {
  it("does not spin on rows of a platform that has no announcer", async () => {
    const clock = new TestClock();
    const s = testServices(bundledText(), { now: clock.now });
    const announcement = s.store.announcements.insert({ key: "k", source: "s", kind: "session", paperId: null, reply: { kind: "notice", text: "hi" }, createdAt: clock.now().toISOString() });
    s.store.outbox.enqueue(announcement.id, "slack", "C1", "k|slack:C1", clock.now().toISOString());
    s.deliverer.register(new RecordingAnnouncer("discord"));
    expect(s.store.outbox.nextDue(["discord"])).toBeUndefined();
    expect(s.store.outbox.nextDue(["discord", "slack"])).toBe(clock.now().toISOString());

    let claims = 0;
    const claimDue = s.store.outbox.claimDue.bind(s.store.outbox);
    s.store.outbox.claimDue = (...args) => {
      claims++;
      return claimDue(...args);
    };
    s.deliverer.start(60_000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await s.deliverer.stop();
    expect(claims).toBe(1);
  });
});
