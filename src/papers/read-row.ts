import type { Column } from "./columns.js";
import { HttpUrlSchema, LINK_KINDS, type Links, type ParseWarning, type Tag } from "./model.js";
import type { RawCell, RawRow } from "./read-markdown.js";
import { splitReporters } from "./reporters.js";
import { linkKind } from "./shapes/link-kind.js";
import { readNameCell } from "./shapes/name-cell.js";
import { readVenueTag } from "./shapes/venue-tag.js";
import { foldKey } from "./text.js";
import { displayVenue } from "./venue.js";

/** A row read into paper fields, before duplicates are merged and reporters canonicalized. */
export interface PaperDraft {
  id: string;
  name: string;
  /** The full title, when the list gives more than the name. */
  title?: string;
  /** Authors as the list writes them. */
  authors?: string[];
  aliases: string[];
  year: number | null;
  venue: string | null;
  tags: string[];
  links: Links;
  reporters: string[];
  line: number;
}

export const MAX_NAME = 200;
const MAX_TITLE = 500;
const YEAR = /\b(19[5-9]\d|20\d\d|2100)\b/;
const graphemes = new Intl.Segmenter("en", { granularity: "grapheme" });

const ALIAS_SEPARATORS = /[/|,()（）]+/u;

/** "CBA/AutoCBA" answers to CBA and AutoCBA; "Foo (Bar)" to Foo and Bar. */
export function aliasesOf(name: string): string[] {
  if (!ALIAS_SEPARATORS.test(name)) return [];
  const parts = name
    .split(ALIAS_SEPARATORS)
    .map((p) => p.trim())
    .filter((p) => foldKey(p).length >= 2 && p !== name);
  return [...new Set(parts)];
}

/** Resolves a category cell ("●", "★ ▲", "scheduling") to tag ids; unknown symbols become new, unlisted tags. */
function readTags(cell: string, legend: Tag[], line: number, warn: (w: ParseWarning) => void): string[] {
  if (cell === "") return [];
  const ids: string[] = [];
  const add = (tag: Tag) => ids.includes(tag.id) || ids.push(tag.id);
  const byLabel = (text: string) => legend.find((t) => foldKey(t.id) === foldKey(text) || foldKey(t.label) === foldKey(text));
  const whole = /\p{L}/u.test(cell) ? byLabel(cell) : undefined;
  if (whole) return [whole.id];
  for (const token of cell.split(/[\s,;]+/u).filter((t) => t.length > 0)) {
    const byWord = /\p{L}/u.test(token) ? byLabel(token) : undefined;
    if (byWord) {
      add(byWord);
      continue;
    }
    // One code point is one grapheme: the segmenter is only needed for longer tokens.
    const single = token.length === 1 || (token.length === 2 && token.codePointAt(0)! > 0xffff);
    const pieces = single || /\p{L}/u.test(token) ? [token] : Array.from(graphemes.segment(token), (s) => s.segment);
    for (const piece of pieces) {
      let tag = legend.find((t) => t.symbol === piece);
      if (!tag) {
        const symbol = Array.from(piece).slice(0, 8).join("");
        tag = { id: /\p{L}/u.test(piece) ? foldKey(piece) : symbol, symbol, label: `Unlisted category ${symbol}`, known: false };
        legend.push(tag);
        warn({ line, message: `category "${symbol}" is not in the list's legend; kept as an unlisted category` });
      }
      add(tag);
    }
  }
  return ids;
}

function firstHttpUrl(cell: RawCell | undefined, what: string, line: number, warn: (w: ParseWarning) => void): string | undefined {
  for (const url of cell?.urls ?? []) {
    if (HttpUrlSchema.safeParse(url).success) return url;
    warn({ line, message: `the ${what} link "${url.slice(0, 80)}" is not an http(s) URL; dropped` });
  }
  return undefined;
}

/** How a table's columns are read beyond their fields. */
export interface RowOptions {
  /** The name column also holds the authors after a line break ("Title & Authors"). */
  namesHoldAuthors?: boolean;
}

const NOT_PAPER_TEXT = new Set(["blog", "docs", "doc", "tutorial", "slides", "video"]);

/**
 * A row whose paper cell says there is no paper: "⚠️" beside a code link (a code
 * release), or a "[[blog]]" / "[[docs]]" link to a page that is not a paper.
 */
function linksNoPaper(paper: RawCell | undefined, code: RawCell | undefined): boolean {
  if (!paper) return false;
  if (paper.urls.length === 0) return paper.text !== "" && !/[\p{L}\p{N}]/u.test(paper.text) && (code?.urls.length ?? 0) > 0;
  const links = paper.pieces.filter((p) => p.kind === "link");
  return links.length > 0 && links.every((p) => p.kind === "link" && NOT_PAPER_TEXT.has(p.text.toLowerCase().replace(/[^a-z]/g, "")) && linkKind(p.url) === "other");
}

/** A "Links" cell holds links of any kind: each goes where its address says (paper, code, else blog). */
function sortLinks(cell: RawCell | undefined, links: Links, name: string, line: number, warn: (w: ParseWarning) => void): void {
  for (const url of cell?.urls ?? []) {
    const kind = linkKind(url);
    if (kind === "unsafe") warn({ line, message: `${name}: the link "${url.slice(0, 80)}" is not an http(s) URL; dropped` });
    if (!HttpUrlSchema.safeParse(url).success) continue;
    if (kind === "paper") links.paper ??= url;
    else if (kind === "code") links.code ??= url;
    else if (kind === "other") links.blog ??= url;
  }
}

/**
 * Reads one table row. Returns undefined (with a warning) when the row has no
 * usable name; other problems keep the row in part and add a warning.
 */
export function readRow(
  row: RawRow,
  columns: Map<Column, number>,
  headerCount: number,
  legend: Tag[],
  warn: (w: ParseWarning) => void,
  options: RowOptions = {},
): PaperDraft | undefined {
  const cell = (c: Column): RawCell | undefined => {
    const index = columns.get(c);
    return index === undefined ? undefined : row.cells[index];
  };
  if (row.cells.every((c) => c.text === "" && c.urls.length === 0)) return undefined;

  const nameCell = cell("name");
  const named = nameCell ? readNameCell(nameCell, options.namesHoldAuthors === true) : { name: "" };
  const name = named.name;
  const id = foldKey(name);
  if (!id) {
    warn({ line: row.line, message: "row has no name; skipped" });
    return undefined;
  }
  if (name.length > MAX_NAME) {
    warn({ line: row.line, message: `name is longer than ${MAX_NAME} characters; skipped` });
    return undefined;
  }
  if (linksNoPaper(cell("paper"), cell("code"))) {
    warn({ line: row.line, message: `${name}: the paper cell links no paper (a blog or docs page, or none beside the code); not a paper, skipped` });
    return undefined;
  }
  if (row.written < headerCount) {
    warn({ line: row.line, message: `${name}: row has ${row.written} cells where the header has ${headerCount}; missing cells left empty` });
  }

  // "OSDI 2022" in a venue cell, or a venue badge by the name, is a venue and a year.
  const venueText = cell("venue")?.text ?? "";
  const venueTag = readVenueTag(venueText);
  const tag = venueTag ?? named.tag;
  const yearText = cell("year")?.text ?? "";
  const yearMatch = YEAR.exec(yearText);
  const year = yearMatch ? Number(yearMatch[1]) : (tag?.year ?? null);
  if (columns.has("year") && year === null) warn({ line: row.line, message: `${name}: ${yearText ? `year "${yearText.slice(0, 20)}" is not a year` : "no year"}; year left unknown` });

  const links: Links = {};
  for (const kind of LINK_KINDS) {
    const url = firstHttpUrl(cell(kind), kind, row.line, warn);
    if (url) links[kind] = url;
  }
  sortLinks(cell("links"), links, name, row.line, warn);
  // A linked name ("[AlpaServe](https://…)") stands in for a missing paper link; a repository is its code.
  if (named.url && linkKind(named.url) === "code" && HttpUrlSchema.safeParse(named.url).success) links.code ??= named.url;
  else if (!links.paper) {
    const fromName = firstHttpUrl(nameCell, "name", row.line, warn);
    if (fromName) links.paper = fromName;
  }
  const authors = named.authors ?? (cell("authors")?.text ? cell("authors")?.text.split(/\s*[,;，、]\s*/).filter((a) => a.length > 0 && a.length <= 200).slice(0, 100) : undefined);

  return {
    id,
    name,
    ...(named.title && named.title.length <= MAX_TITLE ? { title: named.title } : {}),
    ...(authors && authors.length > 0 ? { authors } : {}),
    aliases: aliasesOf(name),
    year,
    venue: venueTag ? venueTag.venue : venueText ? displayVenue(venueText) : (named.tag?.venue ?? null),
    tags: readTags(cell("tags")?.text ?? "", legend, row.line, warn),
    links,
    reporters: splitReporters(cell("reporter")?.text ?? ""),
    line: row.line,
  };
}
