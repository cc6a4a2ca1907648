import { createHash } from "node:crypto";
import type { Reply } from "../replies/reply.js";
import type { Store } from "../store/store.js";
import type { ReadingService } from "./reading-service.js";

/** Discord's limit for a thread name. */
const NAME_MAX = 100;

/** The outbox key of a session's weekly post in one channel: the message its thread hangs on. */
export const sessionPostKey = (date: string, platform: string, channelId: string) => `reading|${date}|${platform}:${channelId}`;

/** "2026-W50 · AlpaServe · XiaoKai", from the session as posted. */
export function threadName(store: Store, date: string): string | undefined {
  const row = store.reading.sessions.get(date);
  if (!row || row.reply.kind !== "session") return undefined;
  const week = /(\d{4}-W\d{2})/.exec(row.reply.headline)?.[1] ?? date;
  const name = [week, row.reply.card?.name ?? "presenter's choice", row.reply.presenter?.name ?? "no presenter"].join(" · ");
  return name.length <= NAME_MAX ? name : `${name.slice(0, NAME_MAX - 1)}…`;
}

/**
 * Queues a post in the session's thread on every reading channel whose weekly
 * post was queued (the thread opens on that message at the first post), once
 * per key. Returns how many deliveries were queued. Call in a transaction.
 */
export function queueThreadPost(reading: ReadingService, store: Store, date: string, key: string, reply: Reply, at: string, orChannel = false): number {
  const name = threadName(store, date);
  if (!orChannel && (!reading.options.threads || name === undefined)) return 0;
  const announcement = store.announcements.insert({ key, source: "reading", kind: "session", paperId: null, reply, createdAt: at });
  const post = store.announcements.byKey(`reading|${date}`)?.id ?? -1;
  let queued = 0;
  for (const { platform, channelId } of reading.channels()) {
    const parentKey = sessionPostKey(date, platform, channelId);
    // A channel set after the session's post has no message to hang the thread on.
    const inThread = reading.options.threads && name !== undefined && store.outbox.find(post, platform, channelId) !== undefined;
    if (!inThread && !orChannel) continue;
    const deliveryKey = `${key}|${platform}:${channelId}`;
    if (store.outbox.enqueue(announcement.id, platform, channelId, deliveryKey, at)) {
      if (inThread && name !== undefined) store.deliveryTargets.attach(deliveryKey, { kind: "thread", parentKey, name });
      queued++;
    }
  }
  return queued;
}

/** A post about a session (a reminder, a vote): in its thread on each channel that has one, else in the reading channel. Call in a transaction. */
export function queueSessionPost(reading: ReadingService, store: Store, date: string, key: string, reply: Reply, at: string): number {
  return queueThreadPost(reading, store, date, key, reply, at, true);
}

/** The first post of a session's thread, queued with the weekly post: it opens the thread once per session and channel. */
export function queueThreadOpener(reading: ReadingService, store: Store, date: string, at: string): number {
  const name = threadName(store, date);
  if (name === undefined) return 0;
  const reply: Reply = { kind: "notice", text: `Discussion of ${name}. Reminders, slides and the vote result go here.` };
  return queueThreadPost(reading, store, date, `reading-thread|${date}`, reply, at);
}

/** Slides attached to a posted session go to its thread; the key is per link, so the same link twice posts once. */
export function queueSlidesPost(reading: ReadingService, store: Store, date: string, url: string, text: string, at: string): number {
  const digest = createHash("sha256").update(url).digest("hex").slice(0, 16);
  return store.transaction(() => queueThreadPost(reading, store, date, `reading-slides|${date}|${digest}`, { kind: "notice", text }, at));
}
