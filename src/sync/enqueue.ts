import type { PaperList } from "../papers/index.js";
import type { Store } from "../store/store.js";
import type { Subscription } from "../store/subscription-repo.js";
import { queueInstant } from "./channel-delivery.js";
import { digestKey, digestReply, type PlannedAnnouncement } from "./plan-announcements.js";
import { describeFilter, matchesFilter } from "./subscription-match.js";

export interface EnqueueResult {
  deliveries: number;
  digests: number;
}

const channelOf = (s: Subscription) => `${s.platform}:${s.channelId}`;

/**
 * Stores planned announcements and queues one delivery per (announcement,
 * subscribed channel) whose filter matches. A channel that would get more than
 * `maxAnnounce` at once gets one digest instead, and each held item records
 * why, so nothing is dropped silently. A channel on a daily or weekly digest
 * holds its matches for the digest job instead; a channel with threads gets a
 * thread on each post. Call inside the sync's transaction.
 */
export function enqueueAnnouncements(store: Store, source: string, planned: PlannedAnnouncement[], list: PaperList, maxAnnounce: number, at: string): EnqueueResult {
  const ids = planned.map((p) => store.announcements.insert({ key: p.key, source, kind: p.kind, paperId: p.paper.id, reply: p.reply, createdAt: at }).id);
  let deliveries = 0;
  let digests = 0;
  for (const sub of store.subscriptions.all()) {
    if (sub.status === "off") continue;
    const matched: number[] = [];
    planned.forEach((p, i) => {
      const id = ids[i] as number;
      if (sub.status === "paused") store.outbox.skip(id, sub.platform, sub.channelId, `the channel's subscription was paused (${sub.statusReason ?? "no reason given"})`);
      else if (!matchesFilter(p.paper, sub.filter)) store.outbox.skip(id, sub.platform, sub.channelId, `filtered out: the channel subscribed to ${describeFilter(sub.filter)}`);
      else matched.push(i);
    });
    if (matched.length === 0) continue;
    if (sub.delivery.mode !== "instant") {
      for (const i of matched) {
        store.digestItems.hold(sub.id, ids[i] as number, at);
        store.outbox.skip(ids[i] as number, sub.platform, sub.channelId, `collected for the channel's ${sub.delivery.mode} digest instead of posted alone`);
      }
      continue;
    }
    if (matched.length > maxAnnounce) {
      const items = matched.map((i) => planned[i] as PlannedAnnouncement);
      const digest = store.announcements.insert({ key: `${source}|${digestKey(items)}|${channelOf(sub)}`, source, kind: "digest", paperId: null, reply: digestReply(items, list.legend), createdAt: at });
      if (store.outbox.enqueue(digest.id, sub.platform, sub.channelId, `${source}|${digestKey(items)}|${channelOf(sub)}`, at)) digests++;
      for (const i of matched) {
        store.outbox.skip(ids[i] as number, sub.platform, sub.channelId, `held by the flood guard: ${matched.length} changes at once (more than ${maxAnnounce}) went out as one digest`);
      }
      continue;
    }
    for (const i of matched) {
      const p = planned[i] as PlannedAnnouncement;
      if (queueInstant(store, sub, { id: ids[i] as number, key: p.key, kind: p.kind, reply: p.reply }, at)) deliveries++;
    }
  }
  return { deliveries, digests };
}
