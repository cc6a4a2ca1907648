import { findTag, foldKey, venueKey, type Paper, type Tag } from "../papers/index.js";
import { NO_RECORDS, type PaperRecords } from "../papers/record.js";
import { hasAuthor } from "./author-match.js";

export interface YearRange {
  from: number;
  to: number;
}

/** Criteria for browsing; every given criterion must hold. */
export interface PaperFilter {
  venue?: string;
  year?: YearRange;
  /** A tag id, symbol or label word; resolved against the legend. */
  tag?: string;
  reporter?: string;
  hasCode?: boolean;
  /** An author's name, matched against the papers' scholarly records, else the authors their list gives (see hasAuthor). */
  author?: string;
  /** A followed list's id: only the papers that list holds (see Paper.lists). */
  list?: string;
}

/**
 * A venue's name without the year a cell may carry: "OSDI'24", "OSDI ’24",
 * "OSDI 2024" and "osdi-24" are all "osdi", so a venue filter matches the venue, not the whole cell.
 */
export function venueName(venue: string): string {
  return venueKey(venue).replace(/\s*(?:['’‘`]\s*\d{2}|[-\s]\d{2}(?:\d{2})?)$/u, "").trim();
}

/** Keeps the papers matching every criterion, in list order. An unknown tag matches nothing. */
export function filterPapers(papers: Paper[], legend: Tag[], filter: PaperFilter, records: PaperRecords = NO_RECORDS): Paper[] {
  const venue = filter.venue ? venueName(filter.venue) : undefined;
  const tag = filter.tag ? (findTag(legend, filter.tag)?.id ?? null) : undefined;
  const reporter = filter.reporter ? foldKey(filter.reporter) : undefined;
  return papers.filter(
    (p) =>
      (venue === undefined || (p.venue !== null && venueName(p.venue) === venue)) &&
      (filter.year === undefined || (p.year !== null && p.year >= filter.year.from && p.year <= filter.year.to)) &&
      (tag === undefined || (tag !== null && p.tags.includes(tag))) &&
      (reporter === undefined || p.reporters.some((r) => foldKey(r) === reporter)) &&
      (filter.hasCode === undefined || Boolean(p.links.code) === filter.hasCode) &&
      (filter.author === undefined || hasAuthor(records.get(p.id), filter.author, p.authors)) &&
      (filter.list === undefined || (p.lists ?? []).includes(filter.list)),
  );
}
