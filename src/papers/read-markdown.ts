import { decodeHTMLStrict } from "entities";
import { Lexer, type Token, type Tokens } from "marked";
import { cleanText } from "./text.js";

/** One table cell as text plus the link targets inside it. */
export interface RawCell {
  text: string;
  urls: string[];
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
}

/**
 * marked, with GFM (tables, autolink literals). Its block pass alone reads a
 * 10,000-row table in about a tenth of a second; markdown-it's token stream for
 * the same table is ~300,000 objects, and micromark's GFM table resolver is
 * quadratic in the number of cells (micromark-extension-gfm#8, remark-gfm#45).
 * Cells are lexed inline on demand, once per distinct cell text: a list repeats
 * its years, venues, reporters and categories thousands of times.
 * Links are not filtered here: the list's reader warns about a javascript: link instead.
 */
const OPTIONS = { gfm: true, breaks: false, pedantic: false } as const;

/** The document's lexer: block tokens, link reference definitions, inline lexing of any text. */
class DocumentLexer {
  private readonly lexer = new Lexer(OPTIONS);
  private readonly cells = new Map<string, RawCell>();

  blocks(markdown: string): Token[] {
    return this.lexer.blockTokens(markdown);
  }

  inline(text: string): Token[] {
    return text === "" ? [] : this.lexer.inlineTokens(text);
  }

  /** A cell's text as a reader sees it and its link targets; cells with the same source share one reading. */
  cell(source: string): RawCell {
    let cell = this.cells.get(source);
    if (!cell) {
      const urls: string[] = [];
      cell = { text: cleanText(inlineText(this.inline(source), urls)), urls };
      this.cells.set(source, cell);
    }
    return cell;
  }
}

/** The text of inline tokens, collecting link targets on the way. */
function inlineText(tokens: Token[], urls: string[]): string {
  let text = "";
  for (const token of tokens) {
    switch (token.type) {
      case "link":
        urls.push(decodeHTMLStrict(token.href));
        text += inlineText(token.tokens ?? [], urls);
        break;
      case "strong":
      case "em":
      case "del":
        text += inlineText(token.tokens ?? [], urls);
        break;
      case "text":
        text += token.tokens ? inlineText(token.tokens, urls) : decodeHTMLStrict(token.text);
        break;
      case "escape":
      case "codespan":
      case "html":
      case "image":
        text += token.type === "codespan" ? token.text : decodeHTMLStrict(token.text);
        break;
      case "br":
        text += " ";
        break;
    }
  }
  return text;
}

/** Cells a row's line has, split as the parser splits them (at pipes not escaped by a backslash). */
function writtenCells(line: string): number {
  const cells = line.trim().split(/(?<!\\)\|/);
  if (cells[0]?.trim() === "") cells.shift();
  if (cells.length > 0 && cells.at(-1)?.trim() === "") cells.pop();
  return cells.length;
}

const countLines = (text: string): number => {
  let n = 0;
  for (let at = text.indexOf("\n"); at !== -1; at = text.indexOf("\n", at + 1)) n++;
  return n;
};

/** A GFM table row is one line: the header, the delimiter row, then one body row per line. */
function readTable(table: Tokens.Table, line: number, lines: string[], lexer: DocumentLexer): RawTable {
  const headers = table.header.map((cell) => lexer.cell(cell.text).text);
  const rows = table.rows.map((cells, i): RawRow => {
    const rowLine = line + 2 + i;
    return { line: rowLine, cells: cells.map((cell) => lexer.cell(cell.text)), written: writtenCells(lines[rowLine - 1] ?? "") };
  });
  return { line, headers, rows };
}

/** A paragraph whose only content is one link: "[BentoML](https://…)". */
function standaloneLink(text: string, line: number, lexer: DocumentLexer): RawLink | undefined {
  const meaningful = lexer.inline(text).filter((t) => !(t.type === "text" && t.text.trim() === ""));
  const [only] = meaningful;
  if (meaningful.length !== 1 || only?.type !== "link" || (only.tokens ?? []).some((t) => t.type !== "text")) return undefined;
  return { text: cleanText(inlineText(only.tokens ?? [], [])), url: decodeHTMLStrict(only.href), line };
}

/**
 * A blank line inside a table ends it, and the rows after it become a
 * paragraph of pipe-delimited lines. Such a paragraph right after a table is
 * read as more rows of that table, through the same parser, keeping real line numbers.
 */
function continuationRows(paragraph: Tokens.Paragraph, line: number, previous: RawTable, lexer: DocumentLexer): RawRow[] | undefined {
  const body = paragraph.raw.replace(/\n+$/, "").split("\n");
  if (!body.every((l) => /^\s*\|.*\|\s*$/.test(l))) return undefined;
  const header = [`| ${previous.headers.map((h) => h.replace(/\|/g, "")).join(" | ")} |`, `|${" --- |".repeat(previous.headers.length)}`];
  const source = [...header, ...body];
  const table = lexer.blocks(source.join("\n")).find((t): t is Tokens.Table => t.type === "table");
  return table ? readTable(table, line - 2, ["", "", ...body], lexer).rows : undefined;
}

/** Block tokens with the line each starts on; tokens nested in lists and quotes are visited too. */
function* blocksWithLines(tokens: Token[], firstLine: number): Generator<{ token: Token; line: number }> {
  let line = firstLine;
  for (const token of tokens) {
    yield { token, line };
    const children = token.type === "list" ? token.items.flatMap((item: Tokens.ListItem) => item.tokens) : token.type === "blockquote" ? token.tokens : [];
    // Nested tokens lose their markers (">", "- "), so their own lines are counted from the parent's.
    let childLine = line;
    for (const child of children) {
      yield* blocksWithLines([child], childLine);
      childLine += countLines(child.raw);
    }
    line += countLines(token.raw);
  }
}

/** Parses markdown (CommonMark + GFM tables) and extracts tables, free text and standalone links. */
export function readMarkdown(markdown: string): MarkdownParts {
  const source = markdown.replace(/\r\n?/g, "\n");
  const lines = source.split("\n");
  const lexer = new DocumentLexer();
  const parts: MarkdownParts = { tables: [], notes: [], textBlocks: [], standaloneLinks: [] };
  let tableJustEnded: RawTable | undefined;
  for (const { token, line } of blocksWithLines(lexer.blocks(source), 1)) {
    if (token.type === "table") {
      tableJustEnded = readTable(token as Tokens.Table, line, lines, lexer);
      parts.tables.push(tableJustEnded);
      continue;
    }
    if (token.type === "space") continue;
    if (token.type === "paragraph" || (token.type === "text" && "text" in token)) {
      const rows = token.type === "paragraph" && tableJustEnded ? continuationRows(token as Tokens.Paragraph, line, tableJustEnded, lexer) : undefined;
      if (rows && tableJustEnded) {
        tableJustEnded.rows.push(...rows);
        parts.notes.push([line, "a blank line splits the table here; the rows after it are read as part of the table"]);
        continue;
      }
      // A paragraph's lines lose their leading spaces, as CommonMark reads them.
      const text = token.text.replace(/^[ \t]+/gm, "");
      parts.textBlocks.push(text);
      const link = standaloneLink(text, line, lexer);
      if (link) parts.standaloneLinks.push(link);
    } else if (token.type === "heading" || token.type === "code") parts.textBlocks.push(token.text);
    // Any other block between a table and a paragraph means the paragraph is not the table's continuation.
    tableJustEnded = undefined;
  }
  return parts;
}
