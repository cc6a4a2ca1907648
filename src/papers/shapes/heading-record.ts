import { displayVenue } from "../venue.js";
import { cleanTitle, nameOfTitle } from "./clean-name.js";
import { linkKind } from "./link-kind.js";
import type { Piece } from "./pieces.js";
import type { ItemContext, ItemPaper } from "./read-item.js";
import { readVenueTag, readYear } from "./venue-tag.js";

/**
 * One paper per heading: "### Title: Perseus: Removing Energy Bloat …" followed by
 * lines "Conference: SOSP 2024", "Paper Link: https://…", "Authors: …", "Code: …".
 */
export interface HeadingRecord {
  title: string;
  line: number;
  venue: string | null;
  year: number | null;
  paperUrl?: string;
  codeUrl?: string;
  authors?: string[];
}

const TITLE_HEADING = /^\s*(?:paper\s+)?title\s*[:：]\s*/i;

/** The record a heading opens, when it is a "Title:" heading. */
export function openRecord(heading: string, line: number): HeadingRecord | undefined {
  if (!TITLE_HEADING.test(heading)) return undefined;
  const title = heading.replace(TITLE_HEADING, "");
  return { title, line, venue: null, year: null };
}

const KEYS: Record<string, "venue" | "year" | "paper" | "code" | "authors"> = {
  conference: "venue",
  venue: "venue",
  journal: "venue",
  published: "venue",
  publication: "venue",
  year: "year",
  date: "year",
  paperlink: "paper",
  paper: "paper",
  link: "paper",
  pdf: "paper",
  arxiv: "paper",
  url: "paper",
  code: "code",
  codelink: "code",
  github: "code",
  authors: "authors",
  author: "authors",
};

/** Reads one "Key: value" line of a record (its pieces: a link stays a link). */
export function feedRecord(record: HeadingRecord, pieces: readonly Piece[]): void {
  const first = pieces[0];
  if (first?.kind !== "text") return;
  const colon = first.text.search(/[:：]/);
  if (colon < 0) return;
  const key = KEYS[first.text.slice(0, colon).toLowerCase().replace(/[^a-z]/g, "")];
  if (!key) return;
  const valueText = (first.text.slice(colon + 1) + pieces.slice(1).map((p) => (p.kind === "text" || p.kind === "link" ? p.text : "")).join("")).trim();
  const url = pieces.find((p): p is Extract<Piece, { kind: "link" }> => p.kind === "link")?.url;
  if (key === "venue") {
    const tag = readVenueTag(valueText);
    record.venue = tag?.venue ?? displayVenue(cleanTitle(valueText).slice(0, 100));
    record.year ??= tag?.year ?? readYear(valueText);
  } else if (key === "year") record.year = readYear(valueText) ?? record.year;
  else if (key === "authors") record.authors = valueText.split(/\s*[,;，、]\s*|\s+and\s+/).map(cleanTitle).filter((a) => a.length > 0 && a.length <= 200).slice(0, 100);
  else if (url && key === "paper" && linkKind(url) !== "unsafe") record.paperUrl = url;
  else if (url && key === "code" && linkKind(url) !== "unsafe") record.codeUrl = url;
}

/** The record as a paper (its title read by the same name rule as a list item's). */
export function closeRecord(record: HeadingRecord, context: ItemContext): ItemPaper | undefined {
  const text = cleanTitle(record.title);
  if (!/[\p{L}\p{N}]/u.test(text)) return undefined;
  const named = nameOfTitle(text);
  return {
    name: named.name,
    ...(named.title && named.title !== named.name ? { title: named.title } : {}),
    year: record.year ?? context.year,
    venue: record.venue ?? context.venue,
    ...(record.paperUrl ? { paperUrl: record.paperUrl } : {}),
    ...(record.codeUrl ? { codeUrl: record.codeUrl } : {}),
    ...(record.authors && record.authors.length > 0 ? { authors: record.authors } : {}),
    unsafe: [],
  };
}
