import type { Logger } from "../log.js";
import type { OutboxRow } from "../store/outbox-repo.js";
import type { Store } from "../store/store.js";
import type { DeliveryListeners } from "./delivery-listeners.js";
import { retryDelayMs, type RetryPolicy } from "./retry-delay.js";
import type { ReadyRow } from "./row-readiness.js";

/** A failure that is not retried: refused by the platform, or transient past the attempt limit. */
export interface FinalFailure {
  reason: string;
  /** The platform refused this delivery (not a give-up after transient errors). */
  refused: boolean;
  /** Refused only because the message it belongs to failed, which already counted. */
  followsParent: boolean;
}

/**
 * Marks the row failed with its reason, logs it once and tells the listeners;
 * a refusal counts toward pausing the channel's subscription, which is paused
 * after `pauseAfter` refusals in a row.
 */
export function failForGood(store: Store, log: Logger, listeners: DeliveryListeners, pauseAfter: number, row: OutboxRow, subscription: ReadyRow["subscription"], failure: FinalFailure, at: string): void {
  const { reason, refused } = failure;
  store.outbox.markFailed(row.id, reason, at, refused);
  log.error({ key: row.key, platform: row.platform, channel: row.channelId, reason }, "delivery failed for good");
  listeners.tellFailed({ row, reason, refused });
  if (!refused || failure.followsParent || subscription?.status !== "active") return;
  const failures = store.subscriptions.addPermanentFailure(row.platform, row.channelId);
  if (failures < pauseAfter) return;
  store.subscriptions.setStatus(subscription.id, "paused", `${failures} deliveries in a row failed: ${reason}`, at);
  log.warn({ platform: row.platform, channel: row.channelId, reason }, "subscription paused after repeated failures");
}

/** A transient failure with attempts left: the row comes back after the platform's wait, or the backoff when it named none. */
export function retryLater(store: Store, log: Logger, policy: RetryPolicy, row: OutboxRow, failure: { reason: string; retryAfterMs?: number }, now: Date): void {
  const wait = retryDelayMs(row.attempts, failure.retryAfterMs, policy);
  store.outbox.markRetry(row.id, new Date(now.getTime() + wait).toISOString(), failure.reason, now.toISOString(), "transient");
  log.warn({ key: row.key, platform: row.platform, channel: row.channelId, attempt: row.attempts, retryInMs: wait, reason: failure.reason }, "delivery failed; will retry");
}
