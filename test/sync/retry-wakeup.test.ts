import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { DeliveryResult } from "../../src/ports.js";
import type { Platform } from "../../src/replies/reply.js";
import type { Services } from "../../src/services.js";
import { DEFAULT_DELIVERER_OPTIONS } from "../../src/sync/deliverer.js";
import { RecordingAnnouncer } from "../fakes/recording-announcer.js";
import { FakeUpstream } from "../fakes/upstream-server.js";
import { bundledText, run, testServices } from "../helpers/bundled.js";
import { versionTwo } from "../helpers/versions.js";

let upstream: FakeUpstream;
beforeEach(async () => {
  upstream = await new FakeUpstream().start();
  upstream.serve(bundledText());
});
afterEach(async () => {
  vi.useRealTimers();
  await upstream.stop();
});

const rateLimited: DeliveryResult = { ok: false, retry: "transient", reason: "rate limited", retryAfterMs: 1_000 };
const unavailable: DeliveryResult = { ok: false, retry: "transient", reason: "HTTP 503" };

/** Version two queued for one channel (4 papers), under the production retry policy, on a fake clock from here on. */
async function queued(platform: Platform): Promise<{ s: Services; announcer: RecordingAnnouncer }> {
  const { backoffMs, maxBackoffMs, jitter } = DEFAULT_DELIVERER_OPTIONS;
  const s = testServices(bundledText(), { upstream: { kind: "url", url: upstream.url }, now: () => new Date(), deliverer: { backoffMs, maxBackoffMs, jitter } });
  await run("subscribe", {}, s, { platform, isAdmin: true, channel: "c" });
  await s.sync.run();
  upstream.serve(versionTwo());
  await s.sync.run();
  const announcer = new RecordingAnnouncer(platform);
  // As the adapters declare them: Slack one post per second per channel.
  if (platform === "slack") Object.assign(announcer, { limits: { concurrency: 16, perChannelPerSecond: 1 } });
  s.deliverer.register(announcer);
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date", "performance"] });
  return { s, announcer };
}

describe.each(["discord", "slack"] as const)("%s: a row set to retry at T is claimed again at T while the deliverer runs", (platform) => {
  it("after a rate limit: exactly the platform's Retry-After, then the channel's later rows in order", async () => {
    const { s, announcer } = await queued(platform);
    const order = s.store.outbox.forChannel(platform, "c").reverse().map((r) => r.key);
    announcer.then(rateLimited);
    s.deliverer.start();
    await vi.advanceTimersByTimeAsync(950);
    expect(announcer.calls).toHaveLength(1);
    expect(announcer.posted).toEqual([]);
    await vi.advanceTimersByTimeAsync(150);
    expect(announcer.posted.map((p) => p.key)).toEqual(order.slice(0, platform === "slack" ? 1 : 4));
    // Slack's later rows follow one a second; Discord's went with the retry.
    await vi.advanceTimersByTimeAsync(3_200);
    expect(announcer.posted.map((p) => p.key)).toEqual(order);
    await s.deliverer.stop();
  });

  it("without a wait from the platform: after about a second, not 30", async () => {
    const { s, announcer } = await queued(platform);
    announcer.then(unavailable);
    s.deliverer.start();
    await vi.advanceTimersByTimeAsync(700);
    expect(announcer.calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(600);
    expect(announcer.calls.length).toBeGreaterThan(1);
    expect(announcer.posted).not.toEqual([]);
    expect(s.store.outbox.forChannel(platform, "c").at(-1)?.status).toBe("sent");
    await s.deliverer.stop();
  });
});
