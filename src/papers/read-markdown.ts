import type { Nodes, Root, Table } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { toString } from "mdast-util-to-string";
import { gfm } from "micromark-extension-gfm";
import { prescanTables, type Prescan } from "./fast-table-rows.js";
import { cleanText } from "./text.js";

/** One table cell as text plus the link targets inside it. */
export interface RawCell {
  text: string;
  urls: string[];
}

export interface RawRow {
  line: number;
  cells: RawCell[];
}

export interface RawTable {
  line: number;
  headers: string[];
  rows: RawRow[];
}

export interface RawLink {
  text: string;
  url: string;
  line: number;
}

/** The parts of the list's markdown that parsing cares about. */
export interface MarkdownParts {
  tables: RawTable[];
  /** Repairs made while reading, as [line, message]. */
  notes: Array<[number, string]>;
  /** Text of paragraphs and code blocks outside tables (where the legend lives). */
  textBlocks: string[];
  /** Links standing alone on a line or list item outside tables (the software suite). */
  standaloneLinks: RawLink[];
}

function collectUrls(node: Nodes, into: string[]): void {
  if (node.type === "link") into.push(node.url);
  if ("children" in node) for (const child of node.children) collectUrls(child, into);
}

/** Where a parse's lines come from, and the rows read before it (see prescanTables). */
interface Source {
  text: string;
  line: (node: Nodes) => number;
  fast?: { rows: Map<number, RawRow[]>; used: number };
}

function cellOf(cell: Nodes): RawCell {
  const urls: string[] = [];
  collectUrls(cell, urls);
  return { text: cleanText(toString(cell)), urls };
}

function readTable(table: Table, source: Source): RawTable {
  const [head, ...body] = table.children;
  const line = source.line(table);
  let rows: RawRow[] = body.map((row) => ({ line: source.line(row), cells: row.children.map(cellOf) }));
  const fast = source.fast?.rows.get(line);
  if (fast && source.fast) {
    source.fast.used++;
    rows = [...rows, ...fast].sort((a, b) => a.line - b.line);
  }
  return { line, headers: head ? head.children.map((c) => cleanText(toString(c))) : [], rows };
}

/** A paragraph whose only content is one link: "[BentoML](https://…)". */
function standaloneLink(node: Nodes, source: Source): RawLink | undefined {
  if (node.type !== "paragraph") return undefined;
  const meaningful = node.children.filter((c) => !(c.type === "text" && c.value.trim() === ""));
  const only = meaningful.length === 1 ? meaningful[0] : undefined;
  if (only?.type !== "link") return undefined;
  return { text: cleanText(toString(only)), url: only.url, line: source.line(node) };
}

const parseGfm = (markdown: string): Root => fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });

/**
 * A blank line inside a table ends it in GFM, and the rows after it become a
 * paragraph of pipe-delimited lines. Such a paragraph right after a table is
 * read as more rows of that table, through the same parser, keeping real line numbers.
 */
function continuationRows(node: Nodes, previous: RawTable | undefined, source: Source): RawRow[] | undefined {
  if (node.type !== "paragraph" || !previous || !node.position) return undefined;
  const text = source.text.slice(node.position.start.offset, node.position.end.offset);
  if (!text.split("\n").every((line) => /^\s*\|.*\|\s*$/.test(line))) return undefined;
  const header = `| ${previous.headers.map((h) => h.replace(/\|/g, "")).join(" | ")} |\n|${" --- |".repeat(previous.headers.length)}\n`;
  const table = readMarkdown(header + text).tables[0];
  if (!table || table.line !== 1) return undefined;
  const shift = source.line(node) - 3;
  return table.rows.map((row) => ({ ...row, line: row.line + shift }));
}

function walk(node: Nodes, parts: MarkdownParts, source: Source): void {
  if (node.type === "table") {
    parts.tables.push(readTable(node, source));
    return;
  }
  if (node.type === "code") parts.textBlocks.push(node.value);
  if (node.type === "paragraph" || node.type === "heading") {
    parts.textBlocks.push(toString(node));
    const link = standaloneLink(node, source);
    if (link) parts.standaloneLinks.push(link);
  }
  if (!("children" in node)) return;
  let previousTable: RawTable | undefined;
  for (const child of node.children) {
    const rows = continuationRows(child, previousTable, source);
    if (rows && previousTable) {
      previousTable.rows.push(...rows);
      parts.notes.push([source.line(child), "a blank line splits the table here; the rows after it are read as part of the table"]);
      continue;
    }
    walk(child, parts, source);
    previousTable = child.type === "table" ? parts.tables.at(-1) : undefined;
  }
}

const emptyParts = (): MarkdownParts => ({ tables: [], notes: [], textBlocks: [], standaloneLinks: [] });

/**
 * Parses markdown with the GFM extensions (tables, autolink literals) and
 * extracts tables, text and links. Simple table rows are read by a fast
 * pre-pass (see prescanTables); when the parser's tree does not confirm every
 * table the pre-pass read rows from, the original text is parsed whole instead.
 * `prescan: false` parses everything with the GFM parser (the reference the
 * pre-pass is tested against).
 */
export function readMarkdown(markdown: string, options: { prescan: boolean } = { prescan: true }): MarkdownParts {
  const pre = options.prescan ? prescanTables(markdown) : undefined;
  if (pre && pre.rows.size > 0) {
    const source: Source = { text: pre.markdown, line: (node) => pre.originalLine(node.position?.start.line ?? 1), fast: { rows: pre.rows, used: 0 } };
    const parts = emptyParts();
    walk(parseGfm(pre.markdown), parts, source);
    if (source.fast?.used === pre.rows.size) return parts;
  }
  const parts = emptyParts();
  walk(parseGfm(markdown), parts, { text: markdown, line: (node) => node.position?.start.line ?? 1 });
  return parts;
}
