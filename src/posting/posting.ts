import type { DeliveryPlace } from "../papers/delivery-keys.js";
import type { Reply } from "../replies/reply.js";
import type { Announcement } from "../store/announcement-repo.js";
import type { DeliveryTarget } from "../store/delivery-target-repo.js";
import type { Store } from "../store/store.js";

/**
 * The one owner of everything the bot posts. A feature that posts (an
 * announcement, a digest, a watch's DM, a session post, a reminder, a vote, an
 * edit) says what and where; this module stores the announcement, queues its
 * deliveries with their targets in one transaction, and wakes the deliverer.
 * Nothing else outside src/store/ writes announcements or the outbox.
 */

/** What is announced, once: its key makes a repeated decision a no-op. */
export type NewAnnouncement = Omit<Announcement, "id" | "createdAt">;

/** One delivery: where it goes, its key (from src/papers/delivery-keys.ts), how (a channel post unless `target` says DM, thread or edit), and when. */
export interface Delivery extends DeliveryPlace {
  key: string;
  target?: DeliveryTarget;
  /** Not before this instant (a rate-limited edit); now by default. */
  dueAt?: string;
}

export interface Posted {
  /** The announcement's id, and whether this call created it. */
  id: number;
  created: boolean;
  /** The deliveries newly queued (a key queued before is left alone). */
  queued: Delivery[];
}

const wakers = new WeakMap<Store, () => void>();
const waking = new WeakSet<Store>();

/** Who to wake when a delivery is queued in this store: the deliverer, wired once at start-up (app/services.ts). */
export function wakeOnQueued(store: Store, wake: () => void): void {
  wakers.set(store, wake);
}

/** Wakes the deliverer once the caller's synchronous work (and its transaction) is done; many queues in one turn wake it once. */
function wakeSoon(store: Store): void {
  const wake = wakers.get(store);
  if (!wake || waking.has(store)) return;
  waking.add(store);
  queueMicrotask(() => {
    waking.delete(store);
    wake();
  });
}

/** Stores an announcement unless its key exists; its id either way. */
export function announce(store: Store, announcement: NewAnnouncement, at: string): { id: number; created: boolean } {
  return store.announcements.insert({ ...announcement, createdAt: at });
}

/** Queues deliveries of a stored announcement, each with its target, in one transaction; returns those newly queued. */
export function queue(store: Store, announcementId: number, deliveries: readonly Delivery[], at: string): Delivery[] {
  const queued = store.transaction(() =>
    deliveries.filter((d) => {
      if (!store.outbox.enqueue(announcementId, d.platform, d.channelId, d.key, at, d.dueAt ?? at)) return false;
      if (d.target) store.deliveryTargets.attach(d.key, d.target);
      return true;
    }),
  );
  if (queued.length > 0) wakeSoon(store);
  return queued;
}

/** Stores an announcement and queues its deliveries, in one transaction. */
export function post(store: Store, announcement: NewAnnouncement, deliveries: readonly Delivery[], at: string): Posted {
  return store.transaction(() => {
    const { id, created } = announce(store, announcement, at);
    return { id, created, queued: queue(store, id, deliveries, at) };
  });
}

/** Records that an announcement is not delivered to a channel, and why (`why` shows it). */
export function skip(store: Store, announcementId: number, place: DeliveryPlace, reason: string): void {
  store.outbox.skip(announcementId, place.platform, place.channelId, reason);
}

/** Gives a queued, not yet delivered announcement new content (a coalesced edit takes the latest). */
export function retell(store: Store, announcementId: number, reply: Reply): void {
  store.announcements.replaceReply(announcementId, reply);
}
