import { stripControlChars } from "../../src/papers/index.js";
import { cardAuthors, fullTitle, identifierLinks, normalizeProse, shortAbstract, sourcesLine, wholeAbstract } from "../../src/replies/record-view.js";
import type { PaperCard } from "../../src/replies/reply.js";

/** How much abstract a card prints: all of it (`paper`, the CLI), a short one (announcements, reading posts), or none. */
export type AbstractShown = "whole" | "short" | "none";

/** Characters of TL;DR or abstract an announcement or reading post prints on the console. */
const SHORT_ABSTRACT = 600;
const WIDTH = 78;

/** Prose wrapped at 78 columns under `indent`, paragraphs apart by a blank line; controls stripped. */
export function wrap(text: string, indent: string): string[] {
  const lines: string[] = [];
  for (const [i, paragraph] of normalizeProse(stripControlChars(text)).split("\n\n").entries()) {
    if (i > 0) lines.push("");
    let line = "";
    for (const word of paragraph.split(" ")) {
      if (line !== "" && indent.length + line.length + 1 + word.length > WIDTH) {
        lines.push(`${indent}${line}`);
        line = word;
      } else line = line === "" ? word : `${line} ${word}`;
    }
    if (line !== "") lines.push(`${indent}${line}`);
  }
  return lines;
}

/**
 * The record's part of a card on a terminal: rows (title, authors, DOI /
 * arXiv / DBLP) to align with the card's, and lines after them (the TL;DR and
 * the abstract, the sources). Nothing without a record.
 */
export function recordLines(card: PaperCard, abstract: AbstractShown): { rows: Array<[string, string]>; after: string[] } {
  const rows: Array<[string, string]> = [];
  const title = fullTitle(card);
  if (title) rows.push(["Title", title]);
  const authors = cardAuthors(card);
  if (authors) rows.push(["Authors", authors]);
  for (const link of identifierLinks(card.record)) rows.push([link.label, link.url]);
  const after: string[] = [];
  const { record } = card;
  if (abstract === "whole") {
    if (record?.tldr) after.push("  TL;DR:", ...wrap(record.tldr, "    "));
    const whole = wholeAbstract(record);
    if (whole?.label === "Abstract") after.push("  Abstract:", ...wrap(whole.text, "    "));
  } else if (abstract === "short") {
    const summary = shortAbstract(record, SHORT_ABSTRACT);
    if (summary) after.push(`  ${summary.label}:`, ...wrap(summary.text, "    "));
  }
  const sources = sourcesLine(record);
  if (sources && abstract !== "none") after.push(`  (${sources})`);
  return { rows, after };
}
