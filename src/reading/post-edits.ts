import { sessionEditKey, sessionKey, sessionPostKey, type DeliveryPlace } from "../papers/delivery-keys.js";
import { post, retell } from "../posting/posting.js";
import type { Reply } from "../replies/reply.js";
import type { Store } from "../store/store.js";
import { withRsvp } from "./rsvp-buttons.js";

/** At most one edit of a weekly post per this long (Discord and Slack both rate-limit message edits). */
export const EDIT_INTERVAL_MS = 10_000;

/**
 * Queues an edit of a session's weekly post in every reading channel it was
 * queued to, to what it shows now (the session as posted, with the RSVP
 * counts). Edits are coalesced and rate-limited per post: while an edit still
 * waits, it takes the new content instead of a second one being queued; the
 * next one is due no sooner than EDIT_INTERVAL_MS after the last one sent.
 * Returns how many edits were queued. Call in a transaction.
 */
export function queuePostEdit(channels: readonly DeliveryPlace[], store: Store, date: string, at: Date): number {
  const row = store.reading.sessions.get(date);
  const weekly = store.announcements.byKey(sessionKey(date));
  if (!row || row.reply.kind !== "session" || !weekly) return 0;
  const open = row.status === "held" && Date.parse(row.startsAt) > at.getTime();
  const reply = open ? withRsvp(row.reply, date, store.reading.rsvps.counts(date)) : row.reply;
  const iso = at.toISOString();
  let queued = 0;
  for (const place of channels) {
    if (!store.outbox.find(weekly.id, place.platform, place.channelId)) continue;
    const parentKey = sessionPostKey(date, place);
    const last = store.deliveryTargets.latestEdit(parentKey);
    if (last?.status === "pending") {
      retell(store, last.announcementId, reply);
      continue;
    }
    const key = sessionEditKey(date, place, store.deliveryTargets.editCount(parentKey) + 1);
    const sentAt = last?.sentAt ? Date.parse(last.sentAt) : Number.NEGATIVE_INFINITY;
    const dueAt = new Date(Math.max(at.getTime(), sentAt + EDIT_INTERVAL_MS)).toISOString();
    const edit = { platform: place.platform, channelId: place.channelId, key, dueAt, target: { kind: "edit" as const, parentKey } };
    queued += post(store, { key, source: "reading", kind: "session", paperId: row.paperId, reply }, [edit], iso).queued.length;
  }
  return queued;
}

/** Started sessions looked at for RSVP buttons still showing: the latest few, so each minute reads little. */
const RECENT_STARTED = 4;

const showsRsvp = (reply: Reply | undefined) => reply?.kind === "session" && (reply.actions ?? []).some((a) => a.link?.command === "reading rsvp");

/**
 * Takes the RSVP buttons off the weekly posts of sessions that have started
 * (answers are refused from then on): each post whose latest content, sent or
 * queued, still shows them is edited to the session as posted, without them.
 * Run every minute; a post already edited is left alone, so it runs at most
 * once per post. Returns the dates whose posts were edited.
 */
export function queueStartedPostEdits(channels: readonly DeliveryPlace[], store: Store, at: Date): string[] {
  const now = at.getTime();
  const started = store.reading.sessions
    .all()
    .filter((row) => Date.parse(row.startsAt) <= now)
    .slice(-RECENT_STARTED);
  return store.transaction(() =>
    started.flatMap((row) => {
      const weekly = store.announcements.byKey(sessionKey(row.date));
      if (!weekly) return [];
      const showing = channels.some((place) => {
        if (!store.outbox.find(weekly.id, place.platform, place.channelId)) return false;
        const last = store.deliveryTargets.latestEdit(sessionPostKey(row.date, place));
        return showsRsvp(last ? store.announcements.get(last.announcementId)?.reply : weekly.reply);
      });
      return showing && queuePostEdit(channels, store, row.date, at) > 0 ? [row.date] : [];
    }),
  );
}
