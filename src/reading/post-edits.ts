import type { Reply } from "../replies/reply.js";
import type { Store } from "../store/store.js";
import type { ReadingService } from "./reading-service.js";
import { withRsvp } from "./rsvp.js";
import { sessionPostKey } from "./threads.js";

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
export function queuePostEdit(reading: ReadingService, store: Store, date: string, at: Date): number {
  const row = store.reading.sessions.get(date);
  const post = store.announcements.byKey(`reading|${date}`);
  if (!row || row.reply.kind !== "session" || !post) return 0;
  const open = row.status === "held" && Date.parse(row.startsAt) > at.getTime();
  const reply = open ? withRsvp(row.reply, date, store.reading.rsvps.counts(date)) : row.reply;
  const iso = at.toISOString();
  let queued = 0;
  for (const { platform, channelId } of reading.channels()) {
    if (!store.outbox.find(post.id, platform, channelId)) continue;
    const parentKey = sessionPostKey(date, platform, channelId);
    const last = store.deliveryTargets.latestEdit(parentKey);
    if (last?.status === "pending") {
      store.announcements.replaceReply(last.announcementId, reply);
      continue;
    }
    const n = (last ? Number(/\|(\d+)$/.exec(last.key)?.[1] ?? 0) : 0) + 1;
    const key = `reading-edit|${date}|${platform}:${channelId}|${n}`;
    const sentAt = last?.sentAt ? Date.parse(last.sentAt) : Number.NEGATIVE_INFINITY;
    const due = new Date(Math.max(at.getTime(), sentAt + EDIT_INTERVAL_MS)).toISOString();
    const announcement = store.announcements.insert({ key, source: "reading", kind: "session", paperId: row.paperId, reply, createdAt: iso });
    if (store.outbox.enqueue(announcement.id, platform, channelId, key, iso, due)) {
      store.deliveryTargets.attach(key, { kind: "edit", parentKey });
      queued++;
    }
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
export function queueStartedPostEdits(reading: ReadingService, store: Store, at: Date): string[] {
  const now = at.getTime();
  const started = store.reading.sessions
    .all()
    .filter((row) => Date.parse(row.startsAt) <= now)
    .slice(-RECENT_STARTED);
  return store.transaction(() =>
    started.flatMap((row) => {
      const post = store.announcements.byKey(`reading|${row.date}`);
      if (!post) return [];
      const showing = reading.channels().some(({ platform, channelId }) => {
        if (!store.outbox.find(post.id, platform, channelId)) return false;
        const last = store.deliveryTargets.latestEdit(sessionPostKey(row.date, platform, channelId));
        return showsRsvp(last ? store.announcements.get(last.announcementId)?.reply : post.reply);
      });
      return showing && queuePostEdit(reading, store, row.date, at) > 0 ? [row.date] : [];
    }),
  );
}
