import { channelDeliveryKey, sessionKey, sessionPostKey, sessionThreadKey, slidesKey, type DeliveryPlace } from "../papers/delivery-keys.js";
import { post, type Delivery } from "../posting/posting.js";
import type { Reply } from "../replies/reply.js";
import type { Store } from "../store/store.js";

/** Discord's limit for a thread name. */
const NAME_MAX = 100;

/** Where a session's posts go: the reading channels, and whether each weekly post opens a discussion thread (MSS_READING_THREADS). */
export interface SessionPlaces {
  channels: readonly DeliveryPlace[];
  threads: boolean;
}

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
export function queueThreadPost(places: SessionPlaces, store: Store, date: string, key: string, reply: Reply, at: string, orChannel = false): number {
  const name = threadName(store, date);
  if (!orChannel && (!places.threads || name === undefined)) return 0;
  const weekly = store.announcements.byKey(sessionKey(date))?.id ?? -1;
  const deliveries = places.channels.flatMap((place): Delivery[] => {
    // A channel set after the session's post has no message to hang the thread on.
    const inThread = places.threads && name !== undefined && store.outbox.find(weekly, place.platform, place.channelId) !== undefined;
    if (!inThread && !orChannel) return [];
    const delivery = { platform: place.platform, channelId: place.channelId, key: channelDeliveryKey(key, place) };
    return [inThread && name !== undefined ? { ...delivery, target: { kind: "thread", parentKey: sessionPostKey(date, place), name } } : delivery];
  });
  return post(store, { key, source: "reading", kind: "session", paperId: null, reply }, deliveries, at).queued.length;
}

/** A post about a session (a reminder, a vote): in its thread on each channel that has one, else in the reading channel. Call in a transaction. */
export function queueSessionPost(places: SessionPlaces, store: Store, date: string, key: string, reply: Reply, at: string): number {
  return queueThreadPost(places, store, date, key, reply, at, true);
}

/** The first post of a session's thread, queued with the weekly post: it opens the thread once per session and channel. */
export function queueThreadOpener(places: SessionPlaces, store: Store, date: string, at: string): number {
  const name = threadName(store, date);
  if (name === undefined) return 0;
  const reply: Reply = { kind: "notice", text: `Discussion of ${name}. Reminders, slides and the vote result go here.` };
  return queueThreadPost(places, store, date, sessionThreadKey(date), reply, at);
}

/** Slides attached to a posted session go to its thread; the key is per link, so the same link twice posts once. */
export function queueSlidesPost(places: SessionPlaces, store: Store, date: string, url: string, text: string, at: string): number {
  return store.transaction(() => queueThreadPost(places, store, date, slidesKey(date, url), { kind: "notice", text }, at));
}
