import MarkdownIt from "markdown-it";
import type Token from "markdown-it/lib/token.mjs";
import { htmlTag } from "./shapes/html-tag.js";
import { piecesOfInline, type Piece } from "./shapes/pieces.js";
import { cleanText } from "./text.js";

/** One table cell as text plus the link targets inside it. */
export interface RawCell {
  text: string;
  urls: string[];
  /** The cell as text, links, images and line breaks, for the readers of other lists' shapes. */
  pieces: Piece[];
}

export interface RawRow {
  line: number;
  cells: RawCell[];
  /** Cells the row's line actually has; the parser pads a short row with empty cells. */
  written: number;
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
  /** Text of paragraphs, headings and code blocks outside tables (where the legend lives). */
  textBlocks: string[];
  /** Links standing alone on a line or list item outside tables (the software suite). */
  standaloneLinks: RawLink[];
  /** The block tokens, for the readers of list items, HTML blocks and heading records. */
  tokens: Token[];
  /** Parses a block's inline content with the document's link reference definitions. */
  inlineOf: InlineOf;
}

/**
 * CommonMark with GFM tables and autolink literals. markdown-it parses tables in
 * linear time; micromark's GFM table resolver is quadratic in the number of
 * cells (micromark-extension-gfm#8, remark-gfm#45), seconds for a few thousand rows.
 * Links are not filtered here: the parser would turn a javascript: link into
 * plain text silently, and the list's reader wants to warn about it instead.
 */
const parser = new MarkdownIt("default", { html: true, linkify: true });
parser.validateLink = () => true;
// Blocks first, each cell's inline content when it is read: the inline tokens of
// a long table are never all in memory at once (a 10,000-row list would hold millions).
// HTML is on, as on GitHub, so that a comment (<!-- … -->, across lines and blank
// lines) is an html_block or html_inline token and is skipped, never read as rows:
// a maintainer's commented-out draft row or table is not on the list.
const blockParser = new MarkdownIt("default", { html: true, linkify: false });
blockParser.core.ruler.disable(["inline", "linkify", "replacements", "smartquotes", "text_join"]);

/** Inline tokens of block text, parsed on demand with the document's environment (its link reference definitions). */
export type InlineOf = (content: string) => Token[];

const inlineReader =
  (env: object): InlineOf =>
  (content) =>
    content === "" ? [] : (parser.parseInline(content, env)[0]?.children ?? []);

/** The block tokens of a document; inline content is left unparsed. `env` collects its link reference definitions. */
export function parseBlocks(markdown: string, env: object = {}): Token[] {
  return blockParser.parse(markdown, env);
}

const lineOf = (token: Token | undefined): number => (token?.map?.[0] ?? 0) + 1;

/** Cells a row's line has, split as the parser splits them (at pipes not escaped by a backslash). */
function writtenCells(line: string): number {
  const cells = line.trim().split(/(?<!\\)\|/);
  if (cells[0]?.trim() === "") cells.shift();
  if (cells.length > 0 && cells.at(-1)?.trim() === "") cells.pop();
  return cells.length;
}

/** An HTML comment token's content: "<!-- … -->" (GitHub shows nothing of it). */
const isComment = (html: string): boolean => /^\s*<!--/.test(html);

/** Reads a table cell's inline token: its text (as a reader sees it) and link targets. */
type CellOf = (token: Token | undefined) => RawCell;

/** A list repeats its years, venues, reporters and categories thousands of times: each distinct cell is parsed once. */
function cellReader(inlineOf: InlineOf): CellOf {
  const read = new Map<string, RawCell>();
  return (token) => {
    const content = token?.content ?? "";
    let cell = read.get(content);
    if (!cell) {
      cell = inlineCell(inlineOf(content));
      read.set(content, cell);
    }
    return cell;
  };
}

function inlineCell(children: Token[]): RawCell {
  const urls: string[] = [];
  let text = "";
  for (const child of children) {
    if (child.type === "link_open") urls.push(child.attrGet("href") ?? "");
    else if (child.type === "html_inline") {
      // A tag is not text: <br> separates, <b>, <img>, comments add nothing.
      const tag = isComment(child.content) ? undefined : htmlTag(child.content);
      if (tag?.kind === "break") text += " ";
      else if (tag?.kind === "text") text += child.content;
    } else if (child.type === "text" || child.type === "code_inline") text += child.content;
    else if (child.type === "image") text += child.content;
    else if (child.type === "softbreak" || child.type === "hardbreak") text += " ";
  }
  return { text: cleanText(text), urls, pieces: piecesOfInline(children) };
}

/** A paragraph whose only content is one link: "[BentoML](https://…)". */
function standaloneLink(inline: Token | undefined, inlineOf: InlineOf): RawLink | undefined {
  const meaningful = inlineOf(inline?.content ?? "").filter((c) => !(c.type === "text" && c.content.trim() === "") && c.type !== "softbreak" && !(c.type === "html_inline" && isComment(c.content)));
  const [open, ...rest] = meaningful;
  const close = rest.at(-1);
  if (open?.type !== "link_open" || close?.type !== "link_close" || rest.slice(0, -1).some((c) => c.type !== "text")) return undefined;
  return { text: cleanText(rest.slice(0, -1).map((c) => c.content).join("")), url: open.attrGet("href") ?? "", line: lineOf(inline) };
}

/** Reads the table starting at tokens[start] (table_open); returns it and the index after table_close. */
function readTable(tokens: Token[], start: number, lines: string[], readCell: CellOf, lineShift = 0): { table: RawTable; next: number } {
  const table: RawTable = { line: lineOf(tokens[start]) + lineShift, headers: [], rows: [] };
  let row: RawRow | undefined;
  let inBody = false;
  let i = start + 1;
  for (; i < tokens.length && tokens[i]?.type !== "table_close"; i++) {
    const token = tokens[i] as Token;
    if (token.type === "tbody_open") inBody = true;
    else if (token.type === "tr_open" && inBody) {
      const line = lineOf(token);
      row = { line: line + lineShift, cells: [], written: writtenCells(lines[line - 1] ?? "") };
    } else if (token.type === "th_open") table.headers.push(readCell(tokens[i + 1]).text);
    else if (token.type === "td_open" && row) row.cells.push(readCell(tokens[i + 1]));
    else if (token.type === "tr_close" && row) {
      table.rows.push(row);
      row = undefined;
    }
  }
  return { table, next: i + 1 };
}

/**
 * A blank line inside a table ends it, and the rows after it become a
 * paragraph of pipe-delimited lines. Such a paragraph right after a table is
 * read as more rows of that table, through the same parser, keeping real line numbers.
 */
function continuationRows(paragraph: Token, previous: RawTable | undefined, lines: string[], readCell: CellOf): RawRow[] | undefined {
  if (!previous || !paragraph.map) return undefined;
  const [from, to] = paragraph.map;
  const body = lines.slice(from, to);
  if (!body.every((line) => /^\s*\|.*\|\s*$/.test(line))) return undefined;
  const header = [`| ${previous.headers.map((h) => h.replace(/\|/g, "")).join(" | ")} |`, `|${" --- |".repeat(previous.headers.length)}`];
  const source = [...header, ...body];
  const tokens = parseBlocks(source.join("\n"));
  const start = tokens.findIndex((t) => t.type === "table_open");
  if (start < 0) return undefined;
  return readTable(tokens, start, source, readCell, from - 2).table.rows;
}

/** Parses markdown (CommonMark + GFM tables) and extracts tables, free text and standalone links. */
export function readMarkdown(markdown: string): MarkdownParts {
  const lines = markdown.split(/\r\n|\r|\n/);
  const env = {};
  const tokens = parseBlocks(markdown, env);
  const inlineOf = inlineReader(env);
  const readCell = cellReader(inlineOf);
  const parts: MarkdownParts = { tables: [], notes: [], textBlocks: [], standaloneLinks: [], tokens, inlineOf };
  let tableJustEnded: RawTable | undefined;
  let commentInTable = false;
  for (let i = 0; i < tokens.length; ) {
    const token = tokens[i] as Token;
    if (token.type === "table_open") {
      commentInTable = false;
      const { table, next } = readTable(tokens, i, lines, readCell);
      parts.tables.push(table);
      tableJustEnded = table;
      i = next;
      continue;
    }
    if (token.type === "paragraph_open") {
      const inline = tokens[i + 1];
      const rows = continuationRows(token, tableJustEnded, lines, readCell);
      if (rows && tableJustEnded) {
        tableJustEnded.rows.push(...rows);
        parts.notes.push([
          lineOf(token),
          commentInTable ? "an HTML comment inside the table is skipped; the rows after it are read as part of the table" : "a blank line splits the table here; the rows after it are read as part of the table",
        ]);
        i += 3;
        continue;
      }
      parts.textBlocks.push(inline?.content ?? "");
      const link = standaloneLink(inline, inlineOf);
      if (link) parts.standaloneLinks.push(link);
    } else if (token.type === "html_block" && isComment(token.content)) {
      // Hidden on GitHub: not read. A commented-out row between rows leaves the table open for the rows after it.
      if (tableJustEnded) commentInTable = true;
      i++;
      continue;
    } else if (token.type === "html_block") parts.textBlocks.push(token.content);
    else if (token.type === "heading_open") parts.textBlocks.push(tokens[i + 1]?.content ?? "");
    else if (token.type === "code_block" || token.type === "fence") parts.textBlocks.push(token.content);
    // Any other block between a table and a paragraph means the paragraph is not the table's continuation.
    if (token.nesting !== -1 && token.type !== "inline") tableJustEnded = undefined;
    i++;
  }
  return parts;
}
