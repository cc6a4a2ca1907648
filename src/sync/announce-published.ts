import { publishedKey } from "../papers/delivery-keys.js";
import type { Paper, PaperList } from "../papers/index.js";
import { toCard } from "../replies/paper-card.js";
import type { Store } from "../store/store.js";
import { enqueueAnnouncements, type EnqueueList, type EnqueueResult } from "./enqueue.js";
import type { PlannedAnnouncement } from "./plan-announcements.js";
import type { PaperRecord } from "../papers/record.js";

/**
 * Announces that a preprint was published at a venue (found by a refresh of
 * its record), through the same outbox as the list's changes, once per venue.
 * `paper` is the paper as commands show it; with several lists followed,
 * `from` names the list announcing it and that list's own id for it (the key's).
 */
export function announcePublished(
  store: Store,
  source: string,
  list: PaperList,
  paper: Paper,
  record: PaperRecord,
  before: PaperRecord,
  maxAnnounce: number,
  at: string,
  from?: EnqueueList & { paperId: string; namedLists: boolean },
): EnqueueResult {
  const venue = [record.venue, record.year].filter((v) => v !== undefined).join(" ");
  const own = from ? { ...paper, id: from.paperId } : paper;
  const planned: PlannedAnnouncement = {
    key: publishedKey(source, own.id, record.venue ?? ""),
    kind: "changed",
    paper: own,
    reply: {
      kind: "announcement",
      headline: "Paper published",
      items: [{ change: "changed", card: toCard(paper, list.legend, record, from?.namedLists ?? false), changes: [`published: ${before.venue ?? "preprint"} → ${venue}`] }],
    },
  };
  if (store.announcements.byKey(planned.key)) return { deliveries: 0, digests: 0 };
  return store.transaction(() => enqueueAnnouncements(store, source, [planned], list, maxAnnounce, at, from && { id: from.id, name: from.name }));
}
