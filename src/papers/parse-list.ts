import { isPaperTable, mapColumns } from "./columns.js";
import { readLegend } from "./legend.js";
import { mergeDrafts } from "./merge.js";
import { HttpUrlSchema, PaperSchema, type PaperList, type ParseWarning, type Software } from "./model.js";
import { readMarkdown, type RawTable } from "./read-markdown.js";
import { readRow, type PaperDraft } from "./read-row.js";

/** The input is not a paper list at all (HTML page, empty, no table); callers keep their last good list. */
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

/**
 * Parses the MSS-Papers markdown into papers, software and legend. Columns are
 * found by header name; malformed rows are skipped or kept in part with a
 * warning; duplicate rows are merged and reported. Throws ListParseError when
 * there is no paper table with rows.
 */
export function parseList(markdown: string): PaperList {
  if (markdown.trim() === "") throw new ListParseError("the list is empty");
  if (HTML_START.test(markdown)) throw new ListParseError("the list is an HTML page, not markdown (an error page?)");

  const parts = readMarkdown(markdown);
  const warnings: ParseWarning[] = [];
  const warn = (w: ParseWarning) => warnings.push(w);
  for (const [line, message] of parts.notes) warn({ line, message });
  const legend = readLegend(parts.textBlocks);

  const paperTables = parts.tables
    .map((table) => ({ table, columns: mapColumns(table.headers) }))
    .filter(({ columns }) => isPaperTable(columns));
  if (paperTables.length === 0) {
    throw new ListParseError(
      parts.tables.length > 0
        ? "no table has a name column (Scheduler / Name / System) and a year, venue, paper or reporter column"
        : "no paper table found (truncated or not the MSS-Papers list?)",
    );
  }

  if (endsInsideRow(markdown, paperTables.at(-1)?.table)) {
    throw new ListParseError("the list ends in the middle of a table row (a truncated download?)");
  }

  const drafts: PaperDraft[] = [];
  for (const { table, columns } of paperTables) {
    for (const row of table.rows) {
      const draft = readRow(row, columns, table.headers.length, legend, warn);
      if (draft) drafts.push(draft);
    }
  }
  if (drafts.length === 0) throw new ListParseError("the paper table has no rows with a name");

  const { papers, duplicates } = mergeDrafts(drafts, legend, warn);
  for (const d of duplicates) {
    warn({ line: d.lines[1] ?? null, message: `${d.name} is listed ${d.lines.length} times (lines ${d.lines.join(", ")}); merged into one paper` });
  }

  const valid = papers.filter((paper) => {
    const checked = PaperFieldsSchema.safeParse(paper);
    if (!checked.success) warn({ line: paper.lines[0] ?? null, message: `${paper.name}: ${checked.error.issues[0]?.message ?? "invalid"}; skipped` });
    return checked.success;
  });

  const software: Software[] = [];
  for (const link of parts.standaloneLinks) {
    if (!link.text || !HttpUrlSchema.safeParse(link.url).success) continue;
    if (!software.some((s) => s.url === link.url)) software.push({ name: link.text, url: link.url });
  }

  return { papers: valid, software, legend, warnings: warnings.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)), duplicates };
}
