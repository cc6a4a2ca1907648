import { wholeAbstract } from "../replies/record-view.js";
import type { PaperCard, Reply } from "../replies/reply.js";
import type { Announcement } from "../store/announcement-repo.js";
import { channelDeliveryKey, threadOpeningKey } from "../papers/delivery-keys.js";
import { post, queue } from "../posting/posting.js";
import type { Store } from "../store/store.js";
import type { Subscription } from "../store/subscription-repo.js";

/** Discord's limit for a thread name. */
const THREAD_NAME_MAX = 100;

/** A thread name within Discord's limit. */
export function threadTitle(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim() || "Discussion";
  return flat.length <= THREAD_NAME_MAX ? flat : `${flat.slice(0, THREAD_NAME_MAX - 1)}…`;
}

/** The paper an announcement is about, as its card shows it (with the record known when it was planned). */
export function announcedCard(reply: Reply): PaperCard | undefined {
  return reply.kind === "announcement" ? reply.items[0]?.card : undefined;
}

/** The first post of an announcement's thread: the paper's whole abstract when known, else an invitation to discuss it. */
export function threadOpening(card: PaperCard): Reply {
  const whole = wholeAbstract(card.record);
  if (whole) return { kind: "abstract", card, label: whole.label, text: whole.text, origin: whole.origin ?? null };
  return { kind: "notice", text: `Discussion of ${card.name}. No abstract is known yet; abstract ${card.name} shows it once the paper is resolved.` };
}

/**
 * Queues the first post of a discussion thread on a delivery (`parentKey`,
 * queued just before it in the same channel, so the channel's order makes it
 * wait for that post): on Discord a thread opens on the message, on Slack the
 * post becomes the thread's root. The opening post is one announcement shared
 * by every channel (`threadKey`), delivered once per channel.
 */
export function queueThreadOpening(store: Store, sub: Subscription, parent: Pick<Announcement, "key" | "kind">, parentKey: string, name: string, opening: Reply, at: string): boolean {
  const threadKey = threadOpeningKey(parent.key);
  const kind = parent.kind === "session" ? "digest" : parent.kind;
  const target = { kind: "thread" as const, parentKey, name: threadTitle(name) };
  return post(store, { key: threadKey, source: "thread", kind, paperId: null, reply: opening }, [{ platform: sub.platform, channelId: sub.channelId, key: channelDeliveryKey(threadKey, sub), target }], at).queued.length > 0;
}

/**
 * Queues one announcement to one channel as a post of its own, with its
 * discussion thread when the channel asked for threads. Returns whether the
 * post was newly queued (a key queued before is left alone). Call in a transaction.
 */
export function queueInstant(store: Store, sub: Subscription, announcement: Pick<Announcement, "id" | "key" | "kind" | "reply">, at: string): boolean {
  const key = channelDeliveryKey(announcement.key, sub);
  if (queue(store, announcement.id, [{ platform: sub.platform, channelId: sub.channelId, key }], at).length === 0) return false;
  const card = announcedCard(announcement.reply);
  if (sub.delivery.thread && card) queueThreadOpening(store, sub, announcement, key, card.name, threadOpening(card), at);
  return true;
}
