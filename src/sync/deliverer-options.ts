import type { RetryPolicy } from "./retry-delay.js";

export interface DelivererOptions extends RetryPolicy {
  /** How long a claimed row is ours before another attempt may take it (a crash mid-call). */
  leaseMs: number;
  /** Transient failures after which a row is failed for good (with the last reason). */
  maxAttempts: number;
  /** Permanent failures in a row after which a channel's subscription is paused. */
  pauseAfter: number;
  /** Longest wait for one announce call; past it the call counts as a transient failure. */
  callTimeoutMs: number;
  /** Rows claimed by one statement at most (a run refills free slots until nothing is due). */
  batch: number;
  /** Calls in flight per platform when its announcer declares no limits. */
  concurrency: number;
  /** Upper bound on every platform's calls in flight; 1 delivers one row at a time across all channels. */
  concurrencyCap: number;
  /** A platform's first call goes alone (a refused token costs one call); past this long without an answer the others go too. */
  probeMs: number;
  /** First wait after a platform refused the bot's credentials; doubles per refusal up to maxBackoffMs. */
  credentialsBackoffMs: number;
  /** Wait before the next run after a run failed on the store (locked, full, ...). */
  faultRetryMs: number;
}

export const DEFAULT_DELIVERER_OPTIONS: DelivererOptions = {
  leaseMs: 120_000,
  backoffMs: 1_000,
  maxBackoffMs: 3_600_000,
  jitter: 0.25,
  retryAfterIsFloor: false,
  maxAttempts: 30,
  pauseAfter: 3,
  callTimeoutMs: 60_000,
  batch: 50,
  concurrency: 8,
  concurrencyCap: Number.POSITIVE_INFINITY,
  probeMs: 2_000,
  credentialsBackoffMs: 300_000,
  faultRetryMs: 30_000,
};
