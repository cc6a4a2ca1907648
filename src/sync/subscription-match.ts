import { foldKey, venueKey, type Paper } from "../papers/index.js";
import type { SubscriptionFilter } from "../store/subscription-repo.js";

/** Whether a paper passes a channel's filter (tag id, venue, reporter; all given ones must hold). */
export function matchesFilter(paper: Paper, filter: SubscriptionFilter): boolean {
  return (
    (filter.tag === undefined || paper.tags.includes(filter.tag)) &&
    (filter.venue === undefined || (paper.venue !== null && venueKey(paper.venue) === venueKey(filter.venue))) &&
    (filter.reporter === undefined || paper.reporters.some((r) => foldKey(r) === foldKey(filter.reporter ?? "")))
  );
}

/** "tag resource-scheduling, venue OSDI", or "everything". */
export function describeFilter(filter: SubscriptionFilter): string {
  const parts = [filter.tag && `tag ${filter.tag}`, filter.venue && `venue ${filter.venue}`, filter.reporter && `reporter ${filter.reporter}`].filter(Boolean);
  return parts.length > 0 ? parts.join(", ") : "every paper";
}
