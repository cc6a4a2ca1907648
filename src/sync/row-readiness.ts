import type { Announcement } from "../store/announcement-repo.js";
import type { OutboxRow } from "../store/outbox-repo.js";
import type { Store } from "../store/store.js";
import type { Subscription } from "../store/subscription-repo.js";

/** A claimed row that may go out now: its announcement and its channel's subscription (if any). */
export interface ReadyRow {
  announcement: Announcement;
  subscription: Subscription | undefined;
}

/**
 * Whether a claimed row may be sent: a row whose announcement is gone, or
 * whose channel unsubscribed, fails; one of a paused channel waits `pausedWaitMs`.
 * Session posts belong to the reading group, not to a subscription. Returns
 * "failed" or "waiting" after settling the row in the store.
 */
export function readyToSend(store: Store, row: OutboxRow, now: Date, pausedWaitMs: number): ReadyRow | "failed" | "waiting" {
  const announcement = store.announcements.get(row.announcementId);
  const subscription = store.subscriptions.get(row.platform, row.channelId);
  if (!announcement) {
    store.outbox.markFailed(row.id, "the announcement is missing from the store", now.toISOString());
    return "failed";
  }
  if (announcement.kind !== "session" && subscription?.status === "off") {
    store.outbox.markFailed(row.id, "the channel unsubscribed before delivery", now.toISOString());
    return "failed";
  }
  if (announcement.kind !== "session" && subscription?.status === "paused") {
    store.outbox.release(row.id, new Date(now.getTime() + pausedWaitMs).toISOString());
    return "waiting";
  }
  return { announcement, subscription };
}
