import { floodDigestKey } from "../papers/delivery-keys.js";
import type { PaperList } from "../papers/index.js";
import { announce, post, skip } from "../posting/posting.js";
import type { Store } from "../store/store.js";
import type { Subscription } from "../store/subscription-repo.js";
import { queueInstant } from "./channel-delivery.js";
import { digestReply, type PlannedAnnouncement } from "./plan-announcements.js";
import { describeFilter, matchesFilter } from "./subscription-match.js";

export interface EnqueueResult {
  deliveries: number;
  digests: number;
}

/**
 * Stores planned announcements and queues one delivery per (announcement,
 * subscribed channel) whose filter matches. A channel that would get more than
 * `maxAnnounce` at once gets one digest instead, and each held item records
 * why, so nothing is dropped silently. A channel on a daily or weekly digest
 * holds its matches for the digest job instead; a channel with threads gets a
 * thread on each post. Call inside the sync's transaction.
 */
export function enqueueAnnouncements(store: Store, source: string, planned: PlannedAnnouncement[], list: PaperList, maxAnnounce: number, at: string): EnqueueResult {
  const ids = planned.map((p) => announce(store, { key: p.key, source, kind: p.kind, paperId: p.paper.id, reply: p.reply }, at).id);
  let deliveries = 0;
  let digests = 0;
  for (const sub of store.subscriptions.all()) {
    if (sub.status === "off") continue;
    const matched: number[] = [];
    planned.forEach((p, i) => {
      const id = ids[i] as number;
      if (sub.status === "paused") skip(store, id, sub, `the channel's subscription was paused (${sub.statusReason ?? "no reason given"})`);
      else if (!matchesFilter(p.paper, sub.filter)) skip(store, id, sub, `filtered out: the channel subscribed to ${describeFilter(sub.filter)}`);
      else matched.push(i);
    });
    if (matched.length === 0) continue;
    if (sub.delivery.mode !== "instant") {
      for (const i of matched) {
        store.digestItems.hold(sub.id, ids[i] as number, at);
        skip(store, ids[i] as number, sub, `collected for the channel's ${sub.delivery.mode} digest instead of posted alone`);
      }
      continue;
    }
    if (matched.length > maxAnnounce) {
      const items = matched.map((i) => planned[i] as PlannedAnnouncement);
      // The digest's key names its channel already: it is the delivery's key too.
      const key = floodDigestKey(source, items.map((p) => p.key), sub);
      if (post(store, { key, source, kind: "digest", paperId: null, reply: digestReply(items, list.legend) }, [{ platform: sub.platform, channelId: sub.channelId, key }], at).queued.length > 0) digests++;
      for (const i of matched) {
        skip(store, ids[i] as number, sub, `held by the flood guard: ${matched.length} changes at once (more than ${maxAnnounce}) went out as one digest`);
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
