import type { Paper } from "../papers/index.js";
import type { QueueReason, ScholarRepo } from "../store/scholar-repo.js";

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
