import { isPaperTable, mapColumns, namesHoldAuthors, type Column } from "./columns.js";
import { readLegend } from "./legend.js";
import { mergeDrafts } from "./merge.js";
import { HttpUrlSchema, PaperSchema, type PaperList, type ParseWarning, type Software } from "./model.js";
import { readMarkdown, type RawTable } from "./read-markdown.js";
import { readRow, type PaperDraft } from "./read-row.js";
import { readShapes } from "./shapes/bullet-lists.js";
import { linkKind } from "./shapes/link-kind.js";

/** The input is not a paper list at all (HTML page, empty, nothing that reads as a paper); callers keep their last good list. */
export class ListParseError extends Error {
  override name = "ListParseError";
}

// Each link was checked by HttpUrlSchema as its cell was read; the rest of the paper is checked here.
const PaperFieldsSchema = PaperSchema.omit({ links: true });

const HTML_START = /^\s*(<!doctype html|<html[\s>]|<head[\s>]|<body[\s>])/i;

/**
 * A download cut off mid-row ends without a newline on a table row that is
 * short of cells or of its closing pipe; a clipped name must never look like a new paper.
 */
function endsInsideRow(markdown: string, table: RawTable | undefined): boolean {
  if (!table || markdown.endsWith("\n")) return false;
  const lastLine = markdown.split("\n").length;
  const lastRow = table.rows.at(-1);
  if (!lastRow || lastRow.line !== lastLine) return false;
  return lastRow.written < table.headers.length || !/\|\s*$/.test(markdown);
}

const count = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString("en")} ${n === 1 ? one : many}`;

/** Why nothing in the document reads as a paper, saying what was found instead. */
function refusal(tables: number, items: number, htmlBlocks: number): string {
  const found = [count(tables, "table"), `${count(items, "list item")} with no paper link or venue tag (navigation, code, badges, courses, other lists)`, count(htmlBlocks, "HTML block")];
  const tablesPart =
    tables > 0
      ? "no table has a name column (Scheduler / Name / System / Title) and a year, venue, paper or reporter column"
      : "no paper table found (truncated or not a paper list?)";
  return `${tablesPart}, and no list item reads as a paper (found ${found.join(", ")})`;
}

/**
 * Parses a paper list into papers, software and legend. Every common shape is
 * read: GFM and HTML tables (columns found by header name), bullet lists whose
 * items link a paper (at any depth, in `<details>` folds, dated by their
 * headings), and one "### Title:" heading per paper. Malformed rows are skipped
 * or kept in part with a warning; duplicates are merged and reported. Throws
 * ListParseError when nothing in the document reads as a paper.
 */
export function parseList(markdown: string): PaperList {
  if (markdown.trim() === "") throw new ListParseError("the list is empty");
  if (HTML_START.test(markdown)) throw new ListParseError("the list is an HTML page, not markdown (an error page?)");

  const parts = readMarkdown(markdown);
  const warnings: ParseWarning[] = [];
  const warn = (w: ParseWarning) => warnings.push(w);
  for (const [line, message] of parts.notes) warn({ line, message });
  const legend = readLegend(parts.textBlocks);
  const shapes = readShapes(parts.tokens, parts.inlineOf, warn);

  const withColumns = (table: RawTable) => ({ table, columns: mapColumns(table.headers) });
  const isPaper = ({ columns }: { columns: Map<Column, number> }) => isPaperTable(columns);
  const markdownTables = parts.tables.map(withColumns).filter(isPaper);
  const htmlTables = shapes.htmlTables.map(withColumns).filter(isPaper);
  const paperTables = [...markdownTables, ...htmlTables];
  if (paperTables.length === 0 && shapes.drafts.length === 0) {
    throw new ListParseError(refusal(parts.tables.length + shapes.htmlTables.length, shapes.seen.items, shapes.seen.htmlBlocks));
  }

  if (endsInsideRow(markdown, markdownTables.at(-1)?.table)) {
    throw new ListParseError("the list ends in the middle of a table row (a truncated download?)");
  }

  const drafts: PaperDraft[] = [];
  for (const { table, columns } of paperTables) {
    const options = { namesHoldAuthors: namesHoldAuthors(table.headers[columns.get("name") ?? -1]) };
    for (const row of table.rows) {
      const draft = readRow(row, columns, table.headers.length, legend, warn, options);
      if (draft) drafts.push(draft);
    }
  }
  if (drafts.length === 0 && shapes.drafts.length === 0) throw new ListParseError("the paper table has no rows with a name");
  // Papers in the order the list gives them, whatever shape each is written in.
  const ordered = shapes.drafts.length === 0 ? drafts : [...drafts, ...shapes.drafts].sort((a, b) => a.line - b.line);

  const { papers, duplicates } = mergeDrafts(ordered, legend, warn);
  for (const d of duplicates) {
    warn({ line: d.lines[1] ?? null, message: `${d.name} is listed ${d.lines.length} times (lines ${d.lines.join(", ")}); merged into one paper` });
  }

  const valid = papers.filter((paper) => {
    const checked = PaperFieldsSchema.safeParse(paper);
    if (!checked.success) warn({ line: paper.lines[0] ?? null, message: `${paper.name}: ${checked.error.issues[0]?.message ?? "invalid"}; skipped` });
    return checked.success;
  });

  // The software suite: repositories standing alone on a line, not papers' links.
  const paperUrls = new Set(valid.flatMap((p) => Object.values(p.links)));
  const software: Software[] = [];
  for (const link of parts.standaloneLinks) {
    if (!link.text || !HttpUrlSchema.safeParse(link.url).success || paperUrls.has(link.url) || linkKind(link.url) !== "code") continue;
    if (!software.some((s) => s.url === link.url)) software.push({ name: link.text, url: link.url });
  }

  return { papers: valid, software, legend, warnings: warnings.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)), duplicates };
}
