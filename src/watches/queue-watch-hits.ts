import { dmDeliveryKey, watchKey } from "../papers/delivery-keys.js";
import type { Paper, PaperList } from "../papers/index.js";
import { post } from "../posting/posting.js";
import { toCard } from "../replies/paper-card.js";
import type { Reply } from "../replies/reply.js";
import type { PaperRecords } from "../papers/record.js";
import type { Store } from "../store/store.js";
import type { Watch } from "../store/watch-repo.js";
import { describeWatch, matchesWatch } from "./watch-match.js";

/** The announcements' source of watch DMs (kept apart from the list's sources). */
export const WATCH_SOURCE = "watch";

/**
 * Why papers are looked at: "added" by a sync just now (every active watch
 * applies), or "resolved" when their record arrived later (a watch applies to
 * papers the list announced as new since the watch was set, not to the
 * papers already listed before it).
 */
export type WatchOccasion = "added" | "resolved";


function watchReply(watch: Watch, paper: Paper, list: PaperList, records: PaperRecords, listName: string, namedLists: boolean): Reply {
  return {
    kind: "announcement",
    headline: `Your watch ${describeWatch(watch)} matched a paper on ${listName}`,
    items: [{ change: "added", card: toCard(paper, list.legend, records.get(paper.id), namedLists), changes: [] }],
  };
}

/**
 * Queues one direct message per (watch, matching paper) through the outbox,
 * once ever: the watch's hit is recorded with the DM's key, so a paper matched
 * at its addition and again when its record resolves is sent once. Returns the
 * DMs queued. Call inside the transaction that stored the papers' news.
 * `listName` is what the headline calls the list: its id when several are followed.
 */
export function queueWatchHits(store: Store, papers: readonly Paper[], list: PaperList, records: PaperRecords, occasion: WatchOccasion, at: string, listName = "MSS-Papers", namedLists = false): number {
  if (papers.length === 0) return 0;
  const watches = store.watches.active();
  let queued = 0;
  for (const paper of papers) {
    for (const watch of watches) {
      if (store.watches.hasHit(watch.id, paper.id) || !matchesWatch(paper, records.get(paper.id), watch)) continue;
      if (occasion === "resolved" && !store.watches.addedSince(paper.id, watch.createdAt)) continue;
      const key = watchKey(WATCH_SOURCE, watch.id, paper.id);
      const dmKey = dmDeliveryKey(key, watch.platform, watch.userId);
      const dm = { platform: watch.platform, channelId: watch.userId, key: dmKey, target: { kind: "dm" as const } };
      queued += post(store, { key, source: WATCH_SOURCE, kind: "added", paperId: paper.id, reply: watchReply(watch, paper, list, records, listName, namedLists) }, [dm], at).queued.length;
      store.watches.recordHit(watch.id, paper.id, dmKey, at);
    }
  }
  return queued;
}
