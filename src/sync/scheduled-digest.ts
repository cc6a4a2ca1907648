import type { PaperCard, Reply } from "../replies/reply.js";
import { NO_RECORDS, type PaperRecords } from "../papers/record.js";
import { scheduledDigestKey } from "../papers/delivery-keys.js";
import { post } from "../posting/posting.js";
import type { Announcement } from "../store/announcement-repo.js";
import type { Store } from "../store/store.js";
import type { Subscription } from "../store/subscription-repo.js";
import { announcedCard, queueInstant, queueThreadOpening } from "./channel-delivery.js";
import { lastDigestTime, periodLabel } from "./digest-schedule.js";

/** Papers listed one by one in a digest; the rest are counted ("and N more"). */
export const DIGEST_SHOWN = 20;

/** The digest of a subscription's period, as an announcement key: one per channel, mode and period end. */

/**
 * The digest post: each paper once (its newest card, with the record known
 * now when there is one), new papers before updated ones in the order they
 * were announced, at most `shown` listed.
 */
export function scheduledDigestReply(mode: "daily" | "weekly", announcements: Announcement[], records: PaperRecords = NO_RECORDS, shown = DIGEST_SHOWN): Reply {
  const papers = new Map<string, { card: PaperCard; added: boolean }>();
  for (const a of announcements) {
    const card = announcedCard(a.reply);
    if (!card) continue;
    const record = (a.paperId !== null ? records.get(a.paperId) : undefined) ?? card.record;
    const before = papers.get(card.id);
    papers.delete(card.id);
    papers.set(card.id, { card: record ? { ...card, record } : card, added: (before?.added ?? false) || a.kind === "added" });
  }
  const all = [...papers.values()].sort((a, b) => Number(b.added) - Number(a.added));
  const added = all.filter((p) => p.added).length;
  const changed = all.length - added;
  const parts = [added > 0 && `${added} new paper${added === 1 ? "" : "s"}`, changed > 0 && `${changed} updated`].filter(Boolean);
  // Cards name their lists only when several lists are followed: then the digest names them too.
  const lists = [...new Set(all.flatMap((p) => p.card.lists ?? []))];
  const name = lists.length > 0 ? `${mode === "daily" ? "Daily" : "Weekly"} digest of ${lists.join(", ")}` : `MSS-Papers ${mode} digest`;
  return {
    kind: "digest",
    headline: `${name}: ${parts.join(" and ")}`,
    items: all.slice(0, shown).map((p) => p.card),
    more: Math.max(0, all.length - shown),
    summaries: true,
  };
}

export interface DigestRunResult {
  /** "discord:C1 daily 2026-12-07T09:00" per digest queued by this run. */
  digests: string[];
  queued: number;
}

/**
 * Queues the digests whose time has come: for each active daily or weekly
 * subscription, the latest digest time at or before `now` closes a period, and
 * everything held up to it goes out as one post, queued through the outbox
 * under the period's key and marked as taken in the same transaction. So a
 * period's digest is queued at most once (a second run, or a restart, finds
 * its key), one missed while the bot was down goes out late (with everything
 * held since), and a period with nothing held posts nothing.
 */
export function queueDueDigests(store: Store, timeZone: string, now: Date, records: PaperRecords = NO_RECORDS): DigestRunResult {
  const result: DigestRunResult = { digests: [], queued: 0 };
  const iso = now.toISOString();
  // Every minute, most channels have nothing waiting or nothing due: one query and one time per cadence rule them out.
  const oldest = store.digestItems.oldestWaiting();
  if (oldest.size === 0) return result;
  const ends = new Map<string, Date | undefined>();
  const endOf = (sub: Subscription) => {
    const cadence = `${sub.delivery.mode}|${sub.delivery.at}|${sub.delivery.day}`;
    if (!ends.has(cadence)) ends.set(cadence, lastDigestTime(sub.delivery, now, timeZone));
    return ends.get(cadence);
  };
  // The same announcements go into many channels' digests: each is read once per run.
  const cache = new Map<number, Announcement | undefined>();
  const announcementOf = (id: number) => {
    if (!cache.has(id)) cache.set(id, store.announcements.get(id));
    return cache.get(id);
  };
  for (const sub of store.subscriptions.active()) {
    const { mode } = sub.delivery;
    const first = oldest.get(sub.id);
    if (mode === "instant" || first === undefined) continue;
    const end = endOf(sub);
    if (!end || first > end.toISOString()) continue;
    const key = scheduledDigestKey(mode, periodLabel(end, timeZone), sub);
    store.transaction(() => {
      if (store.announcements.byKey(key)) return;
      const held = store.digestItems.waiting(sub.id, end.toISOString());
      if (held.length === 0) return;
      const announcements = held.flatMap((h) => announcementOf(h.announcementId) ?? []);
      const reply = scheduledDigestReply(mode, announcements, records);
      // The digest's key names its channel already: it is the delivery's key too.
      const deliveryKey = key;
      // Another process may have queued it a moment ago: the key makes this one a no-op.
      if (post(store, { key, source: "digest", kind: "digest", paperId: null, reply }, [{ platform: sub.platform, channelId: sub.channelId, key: deliveryKey }], iso).queued.length === 0) return;
      result.queued++;
      store.digestItems.close(sub.id, held.map((h) => h.announcementId), key);
      if (sub.delivery.thread) {
        const name = `${mode === "daily" ? "Daily" : "Weekly"} digest ${periodLabel(end, timeZone).slice(0, 10)}`;
        const opening: Reply = { kind: "notice", text: `Discussion of the ${mode} digest: reply here about any of its papers.` };
        if (queueThreadOpening(store, sub, { key, kind: "digest" }, deliveryKey, name, opening, iso)) result.queued++;
      }
      result.digests.push(`${sub.platform}:${sub.channelId} ${mode} ${periodLabel(end, timeZone)}`);
    });
  }
  return result;
}

/**
 * A channel switched from a digest back to instant: what it held goes out now,
 * each as its own post (the key an instant delivery would have had, so nothing
 * is posted twice). Returns how many were queued. Call in a transaction.
 */
export function releaseHeld(store: Store, sub: Subscription, at: string): number {
  const held = store.digestItems.waiting(sub.id);
  let queued = 0;
  for (const item of held) {
    const announcement = store.announcements.get(item.announcementId);
    if (announcement && queueInstant(store, sub, announcement, at)) queued++;
  }
  store.digestItems.close(sub.id, held.map((h) => h.announcementId), "instant");
  return queued;
}

/** A channel unsubscribed: what it held for a digest is dropped, so subscribing again later does not post old news. */
export function dropHeld(store: Store, sub: Subscription): number {
  const held = store.digestItems.waiting(sub.id);
  store.digestItems.close(sub.id, held.map((h) => h.announcementId), "unsubscribed");
  return held.length;
}
