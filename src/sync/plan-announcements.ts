import { addedKey, changedKey } from "../papers/delivery-keys.js";
import type { ListDiff, Paper, PaperList } from "../papers/index.js";
import { toCard } from "../replies/paper-card.js";
import { NO_RECORDS, type PaperRecords } from "../papers/record.js";
import type { Reply } from "../replies/reply.js";
import { describeField, notableFields } from "./notable-changes.js";

/** What announcements call the list when the bot follows only one. */
export const ONE_LIST_NAME = "MSS-Papers";

/** One change worth announcing, with the key that makes announcing it idempotent. */
export interface PlannedAnnouncement {
  key: string;
  kind: "added" | "changed";
  paper: Paper;
  reply: Reply;
}

export interface AnnouncementPlan {
  /** In list order: what a channel reads top to bottom. */
  announcements: PlannedAnnouncement[];
  /** Papers the source listed before, now back: not new, not announced. */
  reappeared: Paper[];
}

/** How announcements show their list when several are followed. */
export interface AnnouncementView {
  /** What the headline calls the list: "MSS-Papers" with one list followed, the list's id with several. */
  listName?: string;
  /** The merged paper a list's paper is (several lists followed): its card names its lists and its id resolves to it. */
  merged?: (paper: Paper) => Paper;
}

/**
 * Decides what a diff announces. An addition is announced once per source,
 * ever (a paper seen before is not new); a notable change once per distinct
 * new value. Keys are deterministic, so planning the same diff twice yields
 * the same keys and storing them again is a no-op. Cards carry the records
 * known at sync time (title, authors, short abstract).
 */
export function planAnnouncements(
  source: string,
  diff: ListDiff,
  next: PaperList,
  seenBefore: Set<string>,
  announceChanges: boolean,
  records: PaperRecords = NO_RECORDS,
  view: AnnouncementView = {},
): AnnouncementPlan {
  const listName = view.listName ?? ONE_LIST_NAME;
  // The card shows the paper as commands do: merged with the other lists' copy, naming its lists when several are followed.
  const cardOf = (paper: Paper) => {
    const shown = view.merged?.(paper) ?? paper;
    return toCard(shown, next.legend, records.get(shown.id), view.merged !== undefined);
  };
  const position = new Map(next.papers.map((p, i) => [p.id, i]));
  const announcements: PlannedAnnouncement[] = [];
  const reappeared: Paper[] = [];

  for (const paper of diff.added) {
    if (seenBefore.has(paper.id)) {
      reappeared.push(paper);
      continue;
    }
    announcements.push({
      key: addedKey(source, paper.id),
      kind: "added",
      paper,
      reply: { kind: "announcement", headline: `New paper on ${listName}`, items: [{ change: "added", card: cardOf(paper), changes: [] }] },
    });
  }
  if (announceChanges) {
    for (const change of diff.changed) {
      const fields = notableFields(change);
      if (fields.length === 0) continue;
      announcements.push({
        key: changedKey(source, change.after.id, fields.map((f) => [f.field, f.after])),
        kind: "changed",
        paper: change.after,
        reply: {
          kind: "announcement",
          headline: `Paper updated on ${listName}`,
          items: [{ change: "changed", card: cardOf(change.after), changes: fields.map(describeField) }],
        },
      });
    }
  }
  announcements.sort((a, b) => (position.get(a.paper.id) ?? 0) - (position.get(b.paper.id) ?? 0));
  return { announcements, reappeared };
}

/** The one message that replaces a flood: "12 new papers on MSS-Papers" with the first ten listed. */
export function digestReply(planned: PlannedAnnouncement[], legend: PaperList["legend"], shown = 10, listName: string = ONE_LIST_NAME): Reply {
  const added = planned.filter((p) => p.kind === "added").length;
  const changed = planned.length - added;
  const parts = [added > 0 && `${added} new paper${added === 1 ? "" : "s"}`, changed > 0 && `${changed} updated`].filter(Boolean);
  return {
    kind: "digest",
    headline: `${parts.join(" and ")} on ${listName}`,
    // The announcement's own card, which carries the paper's record when one was known at sync time.
    items: planned.slice(0, shown).map((p) => (p.reply.kind === "announcement" && p.reply.items[0]?.card) || toCard(p.paper, legend)),
    more: Math.max(0, planned.length - shown),
  };
}

