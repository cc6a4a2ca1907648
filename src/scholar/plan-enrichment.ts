import { idsFromLink, type Pin } from "../papers/identify.js";
import type { Paper } from "../papers/index.js";
import type { QueuedPaper, QueueReason, ScholarRepo } from "../store/scholar-repo.js";

/** Records older than this are fetched again (an arXiv paper may have gained its venue version). */
export const REFRESH_AFTER_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * Queues what a list version needs: papers never resolved, papers whose paper
 * link changed since (their record may be another paper's now) and records
 * older than 30 days. Papers already queued keep their progress, unless their
 * link changed. Returns how many were queued.
 */
export function queueForList(repo: ScholarRepo, papers: readonly Paper[], now: Date, refreshAfterMs = REFRESH_AFTER_MS): number {
  const at = now.toISOString();
  const stale = new Set(repo.fetchedBefore(new Date(now.getTime() - refreshAfterMs).toISOString()));
  const queued = new Set(repo.queued().map((q) => q.paperId));
  let count = 0;
  const queue = (id: string, reason: QueueReason, restart: boolean) => {
    repo.enqueue(id, reason, at, restart);
    count++;
  };
  const cleared = repo.pinnedToNone();
  for (const paper of papers) {
    // Pinned to none: nothing to fetch until the pin goes.
    if (cleared.has(paper.id)) continue;
    const stored = repo.get(paper.id);
    const link = paper.links.paper ?? null;
    if (!stored) {
      if (!queued.has(paper.id)) queue(paper.id, "new", false);
    } else if (stored.paperLink !== link && stored.via !== "pin" && stored.status !== "cleared") {
      queue(paper.id, "link", true);
    } else if (stale.has(paper.id) && !queued.has(paper.id)) {
      queue(paper.id, "refresh", true);
    }
  }
  return count;
}

/**
 * The arXiv ids a pass will ask arXiv for, so they can be fetched in one call:
 * a due paper's record id, else its pin's (a pin to another source means none),
 * else the id in its paper link; papers whose arXiv step is done are left out.
 */
export function arxivIdsToFetch(due: readonly QueuedPaper[], pinOf: (paperId: string) => Pin | undefined, linkOf: (paperId: string) => string | undefined): Set<string> {
  const ids = new Set<string>();
  for (const q of due) {
    if (q.state.done.includes("arxiv")) continue;
    const pin = pinOf(q.paperId);
    const id = q.state.record?.ids.arxiv ?? (pin ? (pin.kind === "arxiv" ? pin.value : undefined) : idsFromLink(linkOf(q.paperId))?.arxiv);
    if (id) ids.add(id);
  }
  return ids;
}
