export interface RetryPolicy {
  /** First retry delay of a transient failure the platform named no wait for; doubles per attempt up to maxBackoffMs. */
  backoffMs: number;
  maxBackoffMs: number;
  /** Spread of each backoff, as a fraction either side (0.25: 75% to 125%), so rows failed together do not come back together. */
  jitter: number;
  /** The policy before issue 21: the platform's wait only lengthens the backoff, never shortens it (kept for the bench's comparison). */
  retryAfterIsFloor: boolean;
}

/**
 * How long a row waits after its `attempt`-th transient failure. When the
 * platform named a wait (Discord's retry_after, Slack's Retry-After), that is
 * the wait: no floor of our own on top. Otherwise the backoff, jittered.
 */
export function retryDelayMs(attempt: number, platformWaitMs: number | undefined, policy: RetryPolicy, random: () => number = Math.random): number {
  const backoff = Math.min(policy.maxBackoffMs, policy.backoffMs * 2 ** Math.max(0, attempt - 1));
  const jittered = Math.round(backoff * (1 - policy.jitter + 2 * policy.jitter * random()));
  if (platformWaitMs === undefined) return jittered;
  return policy.retryAfterIsFloor ? Math.max(backoff, platformWaitMs) : Math.max(0, platformWaitMs);
}
