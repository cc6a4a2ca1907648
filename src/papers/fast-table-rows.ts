import type { RawCell, RawRow } from "./read-markdown.js";
import { collapseSpaces } from "./text.js";

/**
 * A generic GFM parser reads a 10,000-row list in seconds; the list's rows are
 * simple enough to read in microseconds. This pre-pass finds the body rows of
 * top-level pipe tables whose cells hold only plain text and `[text](url)`
 * links, reads them directly, and removes their lines, so the GFM parser sees
 * each table with only the rows it must read itself (escapes, code, emphasis,
 * HTML, entities, bare URLs, images...) and parses the rest of the document.
 * Taking rows out of a table body changes nothing else: a row's cells never
 * depend on another row. readMarkdown maps the parser's line numbers back and
 * checks that it found a table at every header the pre-pass saw, and else
 * parses the original text.
 */
export interface Prescan {
  /** The markdown without the simple rows. */
  markdown: string;
  /** The simple rows read, by the 1-based header line of their table. */
  rows: Map<number, RawRow[]>;
  /** Maps a 1-based line of `markdown` to the line of the original text. */
  originalLine: (line: number) => number;
}

interface Line {
  text: string;
  /** The line ending as written ("\n", "\r\n", "\r" or "" at the end). */
  end: string;
}

const ROW = /^ {0,3}\|/;
const DELIMITER = /^ {0,3}\|?[ \t]*:?-+:?[ \t]*(\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const BLANK = /^[ \t]*$/;
// Characters that may start markdown syntax inside a cell; plain text has none.
const SPECIAL_TEXT = /[\\`*_~<>[\]!&@:\0]|www\./i;
const LINK = /\[([^[\]]*)\]\(([^\s()<>\\]+)\)/y;
const SPECIAL_URL = /[\\\0]|&#?[a-z0-9]+;/i;

function splitLines(markdown: string): Line[] {
  if (!markdown.includes("\r")) {
    const parts = markdown.split("\n");
    return parts.map((text, n) => ({ text, end: n < parts.length - 1 ? "\n" : "" }));
  }
  const lines: Line[] = [];
  const breaks = /\r\n|\r|\n/g;
  let start = 0;
  for (let m = breaks.exec(markdown); m; m = breaks.exec(markdown)) {
    lines.push({ text: markdown.slice(start, m.index), end: m[0] });
    start = m.index + m[0].length;
  }
  lines.push({ text: markdown.slice(start), end: "" });
  return lines;
}

/** Shared by every cell without links; nothing mutates a cell's urls. */
const NO_URLS: string[] = [];

/** One cell's inline content as text plus link targets, or undefined when it needs the full parser. */
export function readSimpleCell(content: string): RawCell | undefined {
  if (!content.includes("[")) return SPECIAL_TEXT.test(content) ? undefined : { text: collapseSpaces(content), urls: NO_URLS };
  let text = "";
  const urls: string[] = [];
  let at = 0;
  while (at < content.length) {
    const open = content.indexOf("[", at);
    const plain = open === -1 ? content.slice(at) : content.slice(at, open);
    if (SPECIAL_TEXT.test(plain)) return undefined;
    text += plain;
    if (open === -1) break;
    LINK.lastIndex = open;
    const link = LINK.exec(content);
    if (!link) return undefined;
    const [, label = "", url = ""] = link;
    if (SPECIAL_TEXT.test(label) || SPECIAL_URL.test(url)) return undefined;
    text += label;
    urls.push(url);
    at = LINK.lastIndex;
  }
  // cleanText without its bold-marker step: a simple cell has no * or _.
  return { text: collapseSpaces(text), urls };
}

/** A body row's cells, split at pipes as GFM does, or undefined when a cell needs the full parser. */
export function readSimpleRow(line: string): RawCell[] | undefined {
  let body = line.replace(/^ {0,3}\|/, "").replace(/[ \t]+$/, "");
  if (body.endsWith("|")) body = body.slice(0, -1);
  const cells: RawCell[] = [];
  for (const content of body.split("|")) {
    const cell = readSimpleCell(content);
    if (!cell) return undefined;
    cells.push(cell);
  }
  return cells;
}

/** Reads the simple rows of top-level tables and takes them out of the text; see Prescan. */
export function prescanTables(markdown: string): Prescan {
  const lines = splitLines(markdown);
  const rows = new Map<number, RawRow[]>();
  const removed = new Uint8Array(lines.length);
  let fence: string | undefined;
  let previousBlank = true;
  for (let i = 0; i < lines.length; i++) {
    const text = (lines[i] as Line).text;
    const opened = FENCE.exec(text)?.[1];
    if (fence !== undefined || opened) {
      if (fence === undefined) fence = opened;
      else if (opened && opened[0] === fence[0] && opened.length >= fence.length && BLANK.test(text.slice(text.indexOf(opened) + opened.length))) fence = undefined;
      previousBlank = false;
      continue;
    }
    // Only a table that starts a block (after a blank line) is taken: a header row right under text may belong to a paragraph or a list.
    const startsBlock = previousBlank;
    previousBlank = BLANK.test(text);
    if (!startsBlock || !ROW.test(text) || !DELIMITER.test(lines[i + 1]?.text ?? "")) continue;
    const read: RawRow[] = [];
    let end = i + 2;
    for (; end < lines.length && ROW.test((lines[end] as Line).text); end++) {
      const cells = readSimpleRow((lines[end] as Line).text);
      if (!cells) continue;
      read.push({ line: end + 1, cells });
      removed[end] = 1;
    }
    if (read.length > 0) rows.set(i + 1, read);
    i = end - 1;
    previousBlank = false;
  }
  if (rows.size === 0) return { markdown, rows, originalLine: (line) => line };
  const kept: number[] = [];
  let out = "";
  lines.forEach((line, n) => {
    if (removed[n]) return;
    kept.push(n + 1);
    out += line.text + line.end;
  });
  return { markdown: out, rows, originalLine: (line) => kept[line - 1] ?? line };
}
