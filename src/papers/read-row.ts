import type { Column } from "./columns.js";
import { HttpUrlSchema, LINK_KINDS, type Links, type ParseWarning, type Tag } from "./model.js";
import type { RawCell, RawRow } from "./read-markdown.js";
import { splitReporters } from "./reporters.js";
import { foldKey } from "./text.js";
import { displayVenue } from "./venue.js";

/** A row read into paper fields, before duplicates are merged and reporters canonicalized. */
export interface PaperDraft {
  id: string;
  name: string;
  aliases: string[];
  year: number | null;
  venue: string | null;
  tags: string[];
  links: Links;
  reporters: string[];
  line: number;
}

const MAX_NAME = 200;
const YEAR = /\b(19[5-9]\d|20\d\d|2100)\b/;
const graphemes = new Intl.Segmenter("en", { granularity: "grapheme" });

const ALIAS_SEPARATORS = /[/|,()（）]+/u;

/** "CBA/AutoCBA" answers to CBA and AutoCBA; "Foo (Bar)" to Foo and Bar. */
function aliasesOf(name: string): string[] {
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
): PaperDraft | undefined {
  const cell = (c: Column): RawCell | undefined => {
    const index = columns.get(c);
    return index === undefined ? undefined : row.cells[index];
  };
  if (row.cells.every((c) => c.text === "" && c.urls.length === 0)) return undefined;

  const name = cell("name")?.text ?? "";
  const id = foldKey(name);
  if (!id) {
    warn({ line: row.line, message: "row has no name; skipped" });
    return undefined;
  }
  if (name.length > MAX_NAME) {
    warn({ line: row.line, message: `name is longer than ${MAX_NAME} characters; skipped` });
    return undefined;
  }
  if (row.written < headerCount) {
    warn({ line: row.line, message: `${name}: row has ${row.written} cells where the header has ${headerCount}; missing cells left empty` });
  }

  const yearText = cell("year")?.text ?? "";
  const yearMatch = YEAR.exec(yearText);
  if (!yearMatch) warn({ line: row.line, message: `${name}: ${yearText ? `year "${yearText.slice(0, 20)}" is not a year` : "no year"}; year left unknown` });

  const links: Links = {};
  for (const kind of LINK_KINDS) {
    const url = firstHttpUrl(cell(kind), kind, row.line, warn);
    if (url) links[kind] = url;
  }
  // A linked name ("[AlpaServe](https://…)") stands in for a missing paper link.
  if (!links.paper) {
    const fromName = firstHttpUrl(cell("name"), "name", row.line, warn);
    if (fromName) links.paper = fromName;
  }

  return {
    id,
    name,
    aliases: aliasesOf(name),
    year: yearMatch ? Number(yearMatch[1]) : null,
    venue: displayVenue(cell("venue")?.text ?? ""),
    tags: readTags(cell("tags")?.text ?? "", legend, row.line, warn),
    links,
    reporters: splitReporters(cell("reporter")?.text ?? ""),
    line: row.line,
  };
}
