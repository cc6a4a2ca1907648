import type Token from "markdown-it/lib/token.mjs";
import type { ParseWarning } from "../model.js";
import type { PaperDraft } from "../read-row.js";
import type { RawTable } from "../read-markdown.js";
import { closeRecord, feedRecord, openRecord, type HeadingRecord } from "./heading-record.js";
import { readHtmlBlock } from "./html-blocks.js";
import { draftOfItem } from "./item-draft.js";
import { piecesOfInline, piecesText, type Piece } from "./pieces.js";
import { readItem, type ItemContext } from "./read-item.js";
import { readGroup } from "./venue-tag.js";

type Group = { year: number | null; venue: string | null };

/** What the list's shapes other than markdown tables give: papers from list items and records, and the HTML tables to read as tables. */
export interface ShapeReading {
  drafts: PaperDraft[];
  htmlTables: RawTable[];
  /** Items and lines looked at that are not papers, for the reason a list is refused. */
  seen: { items: number; htmlBlocks: number };
}

const lineOf = (token: Token | undefined): number => (token?.map?.[0] ?? 0) + 1;
const isComment = (html: string): boolean => html.trimStart().startsWith("<!--");

/**
 * Walks the document's blocks once, keeping what the headings, `<details>`
 * folds (`<summary>2024</summary>`), bold group lines (`**2026**`,
 * `**[2025.02.05]**`) and date items above say, and reads every list item (at
 * any depth, markdown or HTML `<li>`) and every "### Title:" record.
 */
export function readShapes(tokens: readonly Token[], inlineOf: (content: string) => Token[], warn: (w: ParseWarning) => void): ShapeReading {
  const reading: ShapeReading = { drafts: [], htmlTables: [], seen: { items: 0, htmlBlocks: 0 } };
  const headings: Array<{ level: number; group: Group | undefined }> = [];
  let fold: Group | undefined;
  let groupLine: Group | undefined;
  const itemGroups: Array<{ depth: number; group: Group }> = [];
  let depth = 0;
  let record: HeadingRecord | undefined;

  const context = (): ItemContext => {
    const groups = [...itemGroups.map((g) => g.group).reverse(), groupLine, fold, ...headings.map((h) => h.group).reverse()].filter((g): g is Group => g !== undefined);
    return { year: groups.find((g) => g.year !== null)?.year ?? null, venue: groups.find((g) => g.venue !== null)?.venue ?? null };
  };
  const addItem = (pieces: Piece[], line: number) => {
    reading.seen.items++;
    const item = readItem(pieces, context());
    if (item) {
      const draft = draftOfItem(item, line, warn);
      if (draft) reading.drafts.push(draft);
      return true;
    }
    return false;
  };
  const flushRecord = () => {
    if (!record) return;
    const item = closeRecord(record, context());
    const draft = item ? draftOfItem(item, record.line, warn) : undefined;
    if (draft) reading.drafts.push(draft);
    record = undefined;
  };
  const feedLines = (content: string) => {
    if (!record) return;
    for (const line of content.split("\n")) feedRecord(record, piecesOfInline(inlineOf(line)));
  };

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    switch (token.type) {
      case "heading_open": {
        flushRecord();
        const level = Number(token.tag.slice(1));
        const text = piecesText(piecesOfInline(inlineOf(tokens[i + 1]?.content ?? "")));
        while ((headings.at(-1)?.level ?? 0) >= level) headings.pop();
        headings.push({ level, group: readGroup(text) });
        fold = undefined;
        groupLine = undefined;
        record = openRecord(text, lineOf(token));
        break;
      }
      case "html_block": {
        if (isComment(token.content)) break;
        reading.seen.htmlBlocks++;
        const block = readHtmlBlock(token.content, lineOf(token));
        fold = block.summary === undefined ? undefined : readGroup(block.summary);
        reading.htmlTables.push(...block.tables);
        for (const item of block.items) addItem(item.pieces, item.line);
        break;
      }
      case "paragraph_open": {
        const content = tokens[i + 1]?.content ?? "";
        if (record) feedLines(content);
        else if (depth === 0) groupLine = readGroup(content) ?? groupLine;
        break;
      }
      case "bullet_list_open":
      case "ordered_list_open":
        depth++;
        break;
      case "bullet_list_close":
      case "ordered_list_close":
        depth--;
        while ((itemGroups.at(-1)?.depth ?? -1) > depth) itemGroups.pop();
        break;
      case "list_item_open": {
        while ((itemGroups.at(-1)?.depth ?? -1) >= depth) itemGroups.pop();
        if (tokens[i + 1]?.type !== "paragraph_open") break;
        const content = tokens[i + 2]?.content ?? "";
        if (record) {
          feedLines(content);
          i += 2;
          break;
        }
        const pieces = piecesOfInline(inlineOf(content));
        if (!addItem(pieces, lineOf(token))) {
          const group = readGroup(piecesText(pieces));
          if (group) itemGroups.push({ depth, group });
        }
        i += 3;
        break;
      }
      default:
        break;
    }
  }
  flushRecord();
  return reading;
}
