export interface RetryPolicy {
  /** Delay before the second attempt; doubles per failure. */
  firstDelayMs: number;
  maxDelayMs: number;
  /** How long a login (or a lost connection) may take to become ready before it counts as failed. */
  readyTimeoutMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { firstDelayMs: 1_000, maxDelayMs: 5 * 60_000, readyTimeoutMs: 30_000 };

/** 1 s, 2 s, 4 s … capped: the delay after the n-th consecutive failure (n ≥ 1). */
export function backoffDelay(failures: number, policy: RetryPolicy): number {
  return Math.min(policy.maxDelayMs, policy.firstDelayMs * 2 ** Math.min(Math.max(failures - 1, 0), 30));
}
