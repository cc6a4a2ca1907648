import { describe, expect, it } from "vitest";
import { DEFAULT_DELIVERER_OPTIONS } from "../../src/sync/deliverer.js";
import { retryDelayMs } from "../../src/sync/retry-delay.js";

const policy = DEFAULT_DELIVERER_OPTIONS;
const at = (r: number) => () => r;

describe("how long a row waits after a transient failure", () => {
  it("waits exactly what the platform asked for, however short: no floor of our own", () => {
    expect(retryDelayMs(1, 1_000, policy, at(0.9))).toBe(1_000);
    expect(retryDelayMs(5, 3_000, policy, at(0.1))).toBe(3_000);
    expect(retryDelayMs(1, 0, policy)).toBe(0);
    expect(retryDelayMs(1, 7_200_000, policy)).toBe(7_200_000);
  });

  it("without a wait from the platform, retries first after about 1 s, spread either side, then doubles up to the cap", () => {
    expect(retryDelayMs(1, undefined, policy, at(0))).toBe(750);
    expect(retryDelayMs(1, undefined, policy, at(0.5))).toBe(1_000);
    expect(retryDelayMs(1, undefined, policy, at(1))).toBe(1_250);
    expect(retryDelayMs(2, undefined, policy, at(0.5))).toBe(2_000);
    expect(retryDelayMs(3, undefined, policy, at(0.5))).toBe(4_000);
    expect(retryDelayMs(30, undefined, policy, at(0.5))).toBe(3_600_000);
  });

  it("spreads rows that failed together over the jitter range", () => {
    const waits = new Set(Array.from({ length: 50 }, () => retryDelayMs(1, undefined, policy)));
    expect(waits.size).toBeGreaterThan(10);
    for (const w of waits) expect(w >= 750 && w <= 1_250).toBe(true);
  });

  it("keeps the policy before issue 21 on request (the bench's comparison): Retry-After only lengthens the backoff", () => {
    const before = { ...policy, backoffMs: 30_000, jitter: 0, retryAfterIsFloor: true };
    expect(retryDelayMs(1, 1_000, before)).toBe(30_000);
    expect(retryDelayMs(2, 1_000, before)).toBe(60_000);
    expect(retryDelayMs(1, 120_000, before)).toBe(120_000);
  });
});
