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

/** Whether a channel follows the list an announcement is about (no `list` in the filter: every list). */
export const followsList = (filter: SubscriptionFilter, list: string): boolean => filter.list === undefined || filter.list === list;

/** "list llmsys, tag resource-scheduling, venue OSDI", or "every paper". */
export function describeFilter(filter: SubscriptionFilter): string {
  const parts = [filter.list && `list ${filter.list}`, filter.tag && `tag ${filter.tag}`, filter.venue && `venue ${filter.venue}`, filter.reporter && `reporter ${filter.reporter}`].filter(Boolean);
  return parts.length > 0 ? parts.join(", ") : "every paper";
}
