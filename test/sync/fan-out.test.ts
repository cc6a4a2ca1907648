import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Announcer, DeliveryResult } from "../../src/ports.js";
import type { Reply } from "../../src/replies/reply.js";
import type { Services } from "../../src/services.js";
import { testServices } from "../helpers/bundled.js";

const START = Date.parse("2026-11-28T12:00:00Z");
const permanent: DeliveryResult = { ok: false, retry: "permanent", reason: "Missing Access (50001)" };

/**
 * A platform whose every call takes its channel's time (on the fake clock),
 * recording when each post landed and how many calls were in flight at once,
 * overall and per channel.
 */
class TimedPlatform implements Announcer {
  readonly platform = "discord" as const;
  readonly limits: { concurrency: number };
  readonly posted: Array<{ channelId: string; key: string; at: number }> = [];
  readonly calls: string[] = [];
  maxInFlight = 0;
  sameChannelOverlap = false;
  private inFlight = 0;
  private readonly busy = new Set<string>();

  constructor(
    concurrency: number,
    private readonly delayOf: (channelId: string) => number,
    private readonly failOf: (channelId: string) => DeliveryResult | undefined = () => undefined,
  ) {
    this.limits = { concurrency };
  }

  async announce(channelId: string, _reply: Reply, key: string): Promise<DeliveryResult> {
    this.calls.push(channelId);
    if (this.busy.has(channelId)) this.sameChannelOverlap = true;
    this.busy.add(channelId);
    this.maxInFlight = Math.max(this.maxInFlight, ++this.inFlight);
    await new Promise((resolve) => setTimeout(resolve, this.delayOf(channelId)));
    this.inFlight--;
    this.busy.delete(channelId);
    const failed = this.failOf(channelId);
    if (failed) return failed;
    this.posted.push({ channelId, key, at: Date.now() - START });
    return { ok: true, messageId: key };
  }

  keysIn(channelId: string): string[] {
    return this.posted.filter((p) => p.channelId === channelId).map((p) => p.key);
  }
}

/** `papers` announcements queued for each subscribed Discord channel, in order. */
function queue(s: Services, channels: string[], papers: number): void {
  const at = new Date().toISOString();
  for (const channel of channels) s.store.subscriptions.subscribe("discord", channel, {}, "admin", at);
  for (let i = 1; i <= papers; i++) {
    const reply: Reply = { kind: "notice", text: `paper ${i}` };
    const { id } = s.store.announcements.insert({ key: `p${i}`, source: "test", kind: "added", paperId: null, reply, createdAt: at });
    for (const channel of channels) s.store.outbox.enqueue(id, "discord", channel, `p${i}|${channel}`, at);
  }
}

let s: Services;
beforeEach(() => {
  vi.useFakeTimers({ now: START });
  s = testServices(undefined, { now: () => new Date() });
});
afterEach(() => {
  s.store.close();
  vi.useRealTimers();
});

describe("fan-out across channels", () => {
  it("does not let a channel whose calls take 10 s delay the others, and keeps every channel in order", async () => {
    const channels = ["slow", "a", "b", "c", "d", "e"];
    queue(s, channels, 4);
    const platform = new TimedPlatform(4, (channel) => (channel === "slow" ? 10_000 : 50));
    s.deliverer.register(platform);
    const run = s.deliverer.deliverDue();

    // The slow channel's row is the first, sent alone until it answers or 2 s pass (the credentials probe); 3 s in, every
    // other channel has all four papers and the slow one is still on its first.
    await vi.advanceTimersByTimeAsync(3_000);
    for (const channel of channels.slice(1)) expect(platform.keysIn(channel)).toEqual(["p1", "p2", "p3", "p4"].map((p) => `${p}|${channel}`));
    expect(platform.keysIn("slow")).toEqual([]);
    expect(Math.max(...platform.posted.map((p) => p.at))).toBeLessThan(3_000);

    await vi.advanceTimersByTimeAsync(40_000);
    expect(await run).toEqual({ sent: 24, retried: 0, failed: 0 });
    expect(platform.keysIn("slow")).toEqual(["p1|slow", "p2|slow", "p3|slow", "p4|slow"]);
    expect(platform.posted.filter((p) => p.channelId === "slow").map((p) => p.at)).toEqual([10_000, 20_000, 30_000, 40_000]);
    expect(platform.sameChannelOverlap).toBe(false);
  });

  it("keeps each platform within its concurrency, one call per channel at a time", async () => {
    const channels = Array.from({ length: 30 }, (_, i) => `ch${i}`);
    queue(s, channels, 2);
    const platform = new TimedPlatform(5, () => 100);
    s.deliverer.register(platform);
    const run = s.deliverer.deliverDue();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(await run).toEqual({ sent: 60, retried: 0, failed: 0 });
    expect(platform.maxInFlight).toBe(5);
    expect(platform.sameChannelOverlap).toBe(false);
    // 60 calls of 100 ms, 5 at a time (after the first call alone, which proves the credentials): 13 rounds.
    expect(Math.max(...platform.posted.map((p) => p.at))).toBe(1_300);
  });

  it("pauses only the channel that fails for good; the others get everything", async () => {
    const channels = ["gone", "a", "b"];
    queue(s, channels, 4);
    const platform = new TimedPlatform(4, () => 50, (channel) => (channel === "gone" ? permanent : undefined));
    s.deliverer.register(platform);
    const run = s.deliverer.deliverDue();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(await run).toEqual({ sent: 8, retried: 0, failed: 3 });
    expect(s.store.subscriptions.all().map((sub) => [sub.channelId, sub.status])).toEqual([
      ["gone", "paused"],
      ["a", "active"],
      ["b", "active"],
    ]);
    expect(platform.keysIn("a")).toHaveLength(4);
    expect(platform.keysIn("b")).toHaveLength(4);
    expect(s.store.outbox.forChannel("discord", "gone").map((r) => r.status)).toEqual(["pending", "failed", "failed", "failed"]);
  });

  it("takes rows queued while a slow call is in flight at once, without waiting for it", async () => {
    const platform = new TimedPlatform(4, (channel) => (channel === "slow" ? 10_000 : 50));
    s.deliverer.register(platform);
    const send = (key: string, channel: string) => {
      const at = new Date().toISOString();
      s.store.subscriptions.subscribe("discord", channel, {}, "admin", at);
      const { id } = s.store.announcements.insert({ key, source: "test", kind: "added", paperId: null, reply: { kind: "notice", text: key }, createdAt: at });
      s.store.outbox.enqueue(id, "discord", channel, `${key}|${channel}`, at);
    };
    // A first delivery proves the credentials, so the slow call does not run alone.
    send("w", "warm");
    send("s", "slow");
    const run = s.deliverer.deliverDue();
    await vi.advanceTimersByTimeAsync(100);
    expect(platform.calls).toEqual(["warm", "slow"]);

    send("l", "late");
    void s.deliverer.deliverDue();
    await vi.advanceTimersByTimeAsync(100);
    expect(platform.keysIn("late")).toEqual(["l|late"]);
    expect(platform.keysIn("slow")).toEqual([]);

    await vi.advanceTimersByTimeAsync(10_000);
    expect((await run).sent).toBe(3);
  });
});
