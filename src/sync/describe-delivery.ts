import { scheduledDigestOf } from "../papers/delivery-keys.js";
import { formatLocal, localTime, parseCivil, zonedInstant } from "../papers/zoned-time.js";
import { textTime } from "../replies/time-text.js";
import type { Store } from "../store/store.js";
import type { DeliveryOptions, Subscription } from "../store/subscription-repo.js";
import { lastDigestTime, nextDigestTime } from "./digest-schedule.js";

const DAY_NAMES = { sun: "Sunday", mon: "Monday", tue: "Tuesday", wed: "Wednesday", thu: "Thursday", fri: "Friday", sat: "Saturday" } as const;

/** "instant", "daily at 09:00 (Europe/Berlin)", "weekly on Monday at 09:00 (UTC)". */
export function describeCadence(delivery: DeliveryOptions, timeZone: string): string {
  if (delivery.mode === "instant") return "instant: each paper is posted when the list changes upstream";
  const when = delivery.mode === "daily" ? `daily at ${delivery.at}` : `weekly on ${DAY_NAMES[delivery.day]} at ${delivery.at}`;
  return `${when} (${timeZone})`;
}

/** "Mon 7 Dec 2026, 09:00" in the zone, or undefined for an instant subscription. */
export function nextDigestText(delivery: DeliveryOptions, now: Date, timeZone: string): string | undefined {
  const next = nextDigestTime(delivery, now, timeZone);
  return next === undefined ? undefined : formatLocal(localTime(next, timeZone));
}

/**
 * Where a paper held for a channel's digest went, for `why`: "sent in the
 * daily digest of 2026-11-29 09:00 UTC", "waits for the daily digest of …",
 * or undefined when the channel never held it. `what` names the change
 * ("its addition").
 */
export function describeHeld(store: Store, sub: Subscription, announcementId: number, what: string, now: Date, timeZone: string): string | undefined {
  const item = store.digestItems.find(sub.id, announcementId);
  if (!item) return undefined;
  if (item.digestKey === null) {
    if (sub.status !== "active") return `${what} was collected for this channel's digest and waits until the channel is active again (${sub.status})`;
    if (sub.delivery.mode === "instant") return `${what} was collected for this channel's digest and goes out on its own`;
    // A digest time that has come but not yet been queued (the job runs each minute) is the one it waits for.
    const due = lastDigestTime(sub.delivery, now, timeZone);
    const at = due && due.toISOString() >= item.heldAt ? due : nextDigestTime(sub.delivery, now, timeZone);
    return `${what} waits for the ${sub.delivery.mode} digest of ${at ? textTime(at.toISOString()) : "the next period"}`;
  }
  if (item.digestKey === "unsubscribed") return `${what} was collected for this channel's digest, dropped when the channel unsubscribed`;
  if (item.digestKey === "instant") return `${what} was collected for this channel's digest, then queued on its own when the channel switched to instant`;
  const { mode, period } = scheduledDigestOf(item.digestKey) ?? { mode: "scheduled", period: "" };
  const digest = store.announcements.byKey(item.digestKey);
  const row = digest && store.outbox.find(digest.id, sub.platform, sub.channelId);
  if (!digest || !row) return `${what} went into a ${mode} digest that is no longer queued`;
  // A digest is named by its period's time (the time `waits for` named); when it went out later, that time follows.
  const of = textTime((periodEnd(period, timeZone) ?? new Date(digest.createdAt)).toISOString());
  if (row.status === "sent") {
    const sent = textTime(row.sentAt ?? row.createdAt);
    return `${what} was sent in the ${mode} digest of ${of}${sent === of ? "" : ` (posted ${sent})`}`;
  }
  if (row.status === "failed") return `${what} is in the ${mode} digest of ${of}, which could not be delivered: ${row.lastError ?? "unknown error"}`;
  return `${what} is in the ${mode} digest of ${of}, queued (attempt ${row.attempts}; next try ${textTime(row.nextAttemptAt)})`;
}

/** "2026-12-07T09:00" (a digest key's period, in the zone) → that instant. */
function periodEnd(label: string, timeZone: string): Date | undefined {
  const date = parseCivil(label.slice(0, 10));
  const match = /^T(\d{2}):(\d{2})$/.exec(label.slice(10));
  return date && match ? zonedInstant({ ...date, hour: Number(match[1]), minute: Number(match[2]), second: 0 }, timeZone) : undefined;
}
