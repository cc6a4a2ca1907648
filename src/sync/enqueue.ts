import { floodDigestKey } from "../papers/delivery-keys.js";
import { DEFAULT_LIST_ID, type ListId, type PaperList } from "../papers/index.js";
import { identityOf } from "../papers/paper-identity.js";
import { announce, post, skip } from "../posting/posting.js";
import type { Store } from "../store/store.js";
import type { Subscription } from "../store/subscription-repo.js";
import { queueInstant } from "./channel-delivery.js";
import { digestReply, ONE_LIST_NAME, type PlannedAnnouncement } from "./plan-announcements.js";
import { describeFilter, followsList, matchesFilter } from "./subscription-match.js";

export interface EnqueueResult {
  deliveries: number;
  digests: number;
}

/** Which followed list the announcements are about, and what headlines call it. */
export interface EnqueueList {
  id: ListId;
  name: string;
}

const ONE_LIST: EnqueueList = { id: DEFAULT_LIST_ID, name: ONE_LIST_NAME };

/** Why a planned announcement does not go to a channel, or undefined when it does. */
function skipReason(store: Store, sub: Subscription, p: PlannedAnnouncement, list: EnqueueList): string | undefined {
  if (sub.status === "paused") return `the channel's subscription was paused (${sub.statusReason ?? "no reason given"})`;
  if (!followsList(sub.filter, list.id)) return `filtered out: the channel follows list ${sub.filter.list ?? ""}, and this came from list ${list.id}`;
  if (!matchesFilter(p.paper, sub.filter)) return `filtered out: the channel subscribed to ${describeFilter(sub.filter)}`;
  if (p.kind !== "added") return undefined;
  const earlier = store.announcedPapers.find(sub, identityOf(p.paper), list.id);
  return earlier && `already announced here from list ${earlier.list}`;
}

/**
 * Stores planned announcements and queues one delivery per (announcement,
 * subscribed channel) whose filter matches. A channel that would get more than
 * `maxAnnounce` at once gets one digest instead, and each held item records
 * why, so nothing is dropped silently. A channel on a daily or weekly digest
 * holds its matches for the digest job instead; a channel with threads gets a
 * thread on each post. A paper another list already announced as added in a
 * channel is skipped there, with the reason. Call inside the sync's transaction.
 */
export function enqueueAnnouncements(store: Store, source: string, planned: PlannedAnnouncement[], list: PaperList, maxAnnounce: number, at: string, from: EnqueueList = ONE_LIST): EnqueueResult {
  const ids = planned.map((p) => announce(store, { key: p.key, source, kind: p.kind, paperId: p.paper.id, list: from.id, reply: p.reply }, at).id);
  let deliveries = 0;
  let digests = 0;
  for (const sub of store.subscriptions.all()) {
    if (sub.status === "off") continue;
    const matched: number[] = [];
    planned.forEach((p, i) => {
      const id = ids[i] as number;
      const reason = skipReason(store, sub, p, from);
      if (reason !== undefined) return skip(store, id, sub, reason);
      matched.push(i);
      // Decided here, in the sync's transaction: the channel gets this paper now (alone, in a digest or held), so no other list announces it here again.
      if (p.kind === "added") store.announcedPapers.record(sub, identityOf(p.paper), from.id, id, at);
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
      if (post(store, { key, source, kind: "digest", paperId: null, list: from.id, reply: digestReply(items, list.legend, 10, from.name) }, [{ platform: sub.platform, channelId: sub.channelId, key }], at).queued.length > 0) digests++;
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
