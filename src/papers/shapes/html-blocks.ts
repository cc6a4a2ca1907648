import { parseFragment, type DefaultTreeAdapterTypes } from "parse5";
import { cleanText } from "../text.js";
import type { RawCell, RawRow, RawTable } from "../read-markdown.js";
import type { Image, Piece } from "./pieces.js";

type Node = DefaultTreeAdapterTypes.Node;
type Element = DefaultTreeAdapterTypes.Element;

/** What an HTML block of the list holds: a `<summary>` (a fold's title), tables, and list items with their lines. */
export interface HtmlBlock {
  summary?: string;
  tables: RawTable[];
  items: Array<{ pieces: Piece[]; line: number }>;
}

// Never shown as text on GitHub, never read.
const HIDDEN = new Set(["script", "style", "template", "noscript", "iframe", "svg", "math", "object", "head", "title", "textarea", "select"]);
const BLOCKS = new Set(["p", "div", "li", "ul", "ol", "tr", "table", "h1", "h2", "h3", "h4", "h5", "h6", "details", "summary", "blockquote", "section", "dd", "dt"]);

const isElement = (node: Node): node is Element => "tagName" in node;
const attr = (element: Element, name: string): string => element.attrs.find((a) => a.name === name)?.value ?? "";
const childrenOf = (node: Node): Node[] => ("childNodes" in node ? node.childNodes : []);

/** The text a reader sees in a node. */
function textOf(node: Node): string {
  if (node.nodeName === "#text") return (node as DefaultTreeAdapterTypes.TextNode).value;
  if (isElement(node) && HIDDEN.has(node.tagName)) return "";
  if (isElement(node) && node.tagName === "br") return " ";
  return childrenOf(node).map(textOf).join("");
}

function imagesOf(node: Node, into: Image[] = []): Image[] {
  if (isElement(node) && node.tagName === "img") into.push({ alt: attr(node, "alt"), src: attr(node, "src") });
  for (const child of childrenOf(node)) imagesOf(child, into);
  return into;
}

/** Pieces of an element's content; nested lists are left out when `skipLists` (each of their items is read on its own). */
export function piecesOfNode(node: Node, skipLists: boolean, into: Piece[] = []): Piece[] {
  for (const child of childrenOf(node)) {
    if (child.nodeName === "#text") {
      const text = (child as DefaultTreeAdapterTypes.TextNode).value;
      const last = into.at(-1);
      if (last?.kind === "text") last.text += text;
      else into.push({ kind: "text", text });
      continue;
    }
    if (!isElement(child) || HIDDEN.has(child.tagName)) continue;
    if (skipLists && (child.tagName === "ul" || child.tagName === "ol")) continue;
    if (child.tagName === "br") into.push({ kind: "break" });
    else if (child.tagName === "img") into.push({ kind: "image", alt: attr(child, "alt"), src: attr(child, "src") });
    else if (child.tagName === "a") into.push({ kind: "link", text: textOf(child), url: attr(child, "href"), images: imagesOf(child) });
    else {
      const block = BLOCKS.has(child.tagName);
      if (block && into.length > 0 && into.at(-1)?.kind !== "break") into.push({ kind: "break" });
      piecesOfNode(child, skipLists, into);
      if (block && into.at(-1)?.kind !== "break") into.push({ kind: "break" });
    }
  }
  return into;
}

function cellOf(element: Element): RawCell {
  const pieces = piecesOfNode(element, false);
  return {
    text: cleanText(pieces.map((p) => (p.kind === "text" || p.kind === "link" ? p.text : " ")).join("")),
    urls: pieces.flatMap((p) => (p.kind === "link" ? [p.url] : [])),
    pieces,
  };
}

const elementsIn = (node: Node, tag: string, stopAt: string, into: Element[] = []): Element[] => {
  for (const child of childrenOf(node)) {
    if (!isElement(child)) continue;
    if (child.tagName === tag) into.push(child);
    else if (child.tagName !== stopAt) elementsIn(child, tag, stopAt, into);
  }
  return into;
};

function readTable(table: Element, lineOf: (node: Node) => number): RawTable {
  const rows = elementsIn(table, "tr", "table");
  const headerRow = rows.find((row) => elementsIn(row, "th", "table").length > 0);
  const headers = headerRow ? elementsIn(headerRow, "th", "table").map((th) => cleanText(textOf(th))) : [];
  const body: RawRow[] = [];
  for (const row of rows) {
    if (row === headerRow) continue;
    const cells = elementsIn(row, "td", "table").map(cellOf);
    if (cells.length === 0) continue;
    // An HTML row has what it has: a short row is not a cut-off download.
    body.push({ line: lineOf(row), cells, written: Math.max(cells.length, headers.length) });
  }
  return { line: lineOf(table), headers, rows: body };
}

/** Reads one HTML block of the markdown (its first line is `firstLine`) with parse5. */
export function readHtmlBlock(html: string, firstLine: number): HtmlBlock {
  const fragment = parseFragment(html, { sourceCodeLocationInfo: true });
  const lineOf = (node: Node) => firstLine - 1 + (("sourceCodeLocation" in node ? node.sourceCodeLocation?.startLine : undefined) ?? 1);
  const block: HtmlBlock = { tables: [], items: [] };
  const walk = (node: Node) => {
    for (const child of childrenOf(node)) {
      if (!isElement(child) || HIDDEN.has(child.tagName)) continue;
      if (child.tagName === "summary" && block.summary === undefined) block.summary = cleanText(textOf(child));
      else if (child.tagName === "table") block.tables.push(readTable(child, lineOf));
      else if (child.tagName === "li") {
        block.items.push({ pieces: piecesOfNode(child, true), line: lineOf(child) });
        walk(child);
      } else walk(child);
    }
  };
  walk(fragment);
  return block;
}
