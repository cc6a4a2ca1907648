import { collapseSpaces, foldKey, stripControlChars } from "../papers/index.js";
import type { FieldOrigin, PaperRecord, RecordField, RecordSource } from "../papers/record.js";
import { paperRef } from "./paper-card.js";
import type { CommandLink, PaperCard } from "./reply.js";

/**
 * What every renderer shows of a paper's scholarly record, decided once here:
 * the titled name, the author line, a short abstract within a platform's
 * budget, the whole abstract in pieces, and the identifier links. Nothing here
 * escapes: each renderer escapes the text it gets, and passes its escaper as
 * the `measure` so that budgets hold for the escaped text.
 */

/** The length of text as a platform will count it once escaped; plain length by default. */
export type Measure = (text: string) => number;
const plainLength: Measure = (text) => text.length;

export const SOURCE_NAMES: Record<RecordSource, string> = { arxiv: "arXiv", dblp: "DBLP", s2: "Semantic Scholar", snapshot: "the bundled snapshot" };

/** Authors shown before "et al." on cards, announcements and reading posts. */
export const AUTHORS_SHOWN = 3;

/** "Zhuohan Li, Lianmin Zheng, Yinmin Zhong et al. (12 authors)"; every name when there are at most `shown`. */
export function authorLine(authors: readonly string[], shown = AUTHORS_SHOWN): string {
  const names = authors.map((a) => collapseSpaces(stripControlChars(a))).filter((a) => a !== "");
  if (names.length <= shown) return names.join(", ");
  return `${names.slice(0, shown).join(", ")} et al. (${names.length} authors)`;
}

/** The card's author line (the record's, else the list's), or undefined when neither names an author. */
export function cardAuthors(card: PaperCard): string | undefined {
  const line = authorLine(card.record ? (card.record.authors ?? []) : (card.authors ?? []));
  return line === "" ? undefined : line;
}

/** A record title as read: one line, no controls, without the period DBLP ends titles with. */
function cleanTitle(title: string): string {
  return collapseSpaces(stripControlChars(title)).replace(/(?<!\.)\.$/, "");
}

/** The record's title, else the list's (a card has the list's only without a record). */
const titleOf = (card: PaperCard): string | undefined => card.record?.title ?? card.title;

/** What the full title adds to the name: the title without a leading "Name:" ("" when it adds nothing). */
function titleRest(card: PaperCard): string {
  const given = titleOf(card);
  const title = given === undefined ? "" : cleanTitle(given);
  if (title === "" || foldKey(title) === foldKey(card.name)) return "";
  const lead = /^(.+?)\s*[:：]\s*(\S.*)$/u.exec(title);
  return lead && foldKey(lead[1] as string) === foldKey(card.name) ? (lead[2] as string) : title;
}

/**
 * The paper's name with its full title: "AlpaServe — Statistical Multiplexing
 * with Model Parallelism for Deep Learning Serving" (the name is not repeated
 * when the title starts with it, "AlpaServe: …"); the title is cut at a word
 * to keep within `max` when given. Only the name without a record.
 */
export function titledName(card: PaperCard, max = Number.POSITIVE_INFINITY, measure: Measure = plainLength): string {
  const rest = titleRest(card);
  if (rest === "") return card.name;
  const head = `${card.name} — `;
  if (measure(head) + 12 > max) return card.name;
  return `${head}${fitWords(rest, max - measure(head), measure)}`;
}

/** The full title alone, cleaned, when the record (or, without one, the list) has one. */
export function fullTitle(card: PaperCard): string | undefined {
  const given = titleOf(card);
  const title = given === undefined ? "" : cleanTitle(given);
  return title === "" ? undefined : title;
}

/**
 * Prose as read: controls removed, line wraps and space runs made one space
 * (arXiv wraps its summaries), paragraphs kept apart by one blank line.
 */
export function normalizeProse(text: string): string {
  return stripControlChars(text)
    .split(/\n[^\S\n]*\n\s*/)
    .map((p) => collapseSpaces(p))
    .filter((p) => p !== "")
    .join("\n\n");
}

const sentenceSegmenter = new Intl.Segmenter("en", { granularity: "sentence" });

/** The sentences of one paragraph, trimmed (Unicode sentence boundaries: "e.g. the" does not end one). */
function sentencesOf(paragraph: string): string[] {
  return Array.from(sentenceSegmenter.segment(paragraph), (s) => s.segment.trim()).filter((s) => s !== "");
}

/** The longest prefix of words within `max` (with its "…"), else the longest prefix of characters. */
function cutWords(text: string, max: number, measure: Measure): string {
  const words = text.split(" ");
  const withWords = (n: number) => `${words.slice(0, n).join(" ").replace(/[\s,;:–—-]+$/u, "")}…`;
  let lo = 0;
  let hi = words.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (measure(withWords(mid)) <= max) lo = mid;
    else hi = mid - 1;
  }
  if (lo > 0) return withWords(lo);
  const chars = Array.from(text);
  const withChars = (n: number) => `${chars.slice(0, n).join("")}…`;
  lo = 0;
  hi = chars.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (measure(withChars(mid)) <= max) lo = mid;
    else hi = mid - 1;
  }
  return lo > 0 ? withChars(lo) : "";
}

/** Text within `max` (as `measure` counts it): all of it when it fits, else its first words and "…". */
export function fitWords(text: string, max: number, measure: Measure = plainLength): string {
  const flat = collapseSpaces(stripControlChars(text));
  return measure(flat) <= max ? flat : cutWords(flat, max, measure);
}

/**
 * Prose within `max` (as `measure` counts it): all of it when it fits, else
 * its first whole sentences and " …", else its first words and "…".
 */
export function fitProse(text: string, max: number, measure: Measure = plainLength): string {
  const flat = collapseSpaces(normalizeProse(text));
  if (measure(flat) <= max) return flat;
  let kept = "";
  for (const sentence of sentencesOf(flat)) {
    const next = kept === "" ? sentence : `${kept} ${sentence}`;
    if (measure(`${next} …`) > max) break;
    kept = next;
  }
  return kept !== "" ? `${kept} …` : cutWords(flat, max, measure);
}

/**
 * Prose in pieces of at most `max` each (messages, embeds, sections): split
 * between paragraphs, then sentences, then words; nothing is left out.
 */
export function splitProse(text: string, max: number, measure: Measure = plainLength): string[] {
  const pieces: string[] = [];
  let current = "";
  const push = (unit: string, joiner: string) => {
    const next = current === "" ? unit : `${current}${joiner}${unit}`;
    if (measure(next) <= max) {
      current = next;
      return;
    }
    if (current !== "") pieces.push(current);
    current = "";
    if (measure(unit) <= max) {
      current = unit;
      return;
    }
    // A sentence longer than a piece: words, then characters.
    let rest = unit;
    while (rest !== "" && measure(rest) > max) {
      const head = hardCut(rest, max, measure);
      pieces.push(head);
      rest = rest.slice(head.length).trimStart();
    }
    current = rest;
  };
  for (const [p, paragraph] of normalizeProse(text).split("\n\n").entries()) {
    for (const [s, sentence] of sentencesOf(paragraph).entries()) push(sentence, s === 0 && p > 0 ? "\n\n" : " ");
  }
  if (current !== "") pieces.push(current);
  return pieces;
}

/** The longest head of `text` within `max`, ending at a space when there is one, never splitting a surrogate pair. */
function hardCut(text: string, max: number, measure: Measure): string {
  const chars = Array.from(text);
  let lo = 1;
  let hi = chars.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (measure(chars.slice(0, mid).join("")) <= max) lo = mid;
    else hi = mid - 1;
  }
  const head = chars.slice(0, lo).join("");
  const space = head.lastIndexOf(" ");
  return space > head.length / 2 ? head.slice(0, space) : head;
}

/** A short text about the paper: its TL;DR, else its abstract's opening. */
export interface ShortAbstract {
  label: "TL;DR" | "Abstract";
  text: string;
  /** The whole TL;DR or abstract fit; false when the reader needs `abstract` for the rest. */
  whole: boolean;
  origin?: FieldOrigin;
}

/** The TL;DR when there is one, else the abstract's first sentences, within `max` (as `measure` counts it). */
export function shortAbstract(record: PaperRecord | undefined, max: number, measure: Measure = plainLength): ShortAbstract | undefined {
  const field: RecordField | undefined = record?.tldr?.trim() ? "tldr" : record?.abstract?.trim() ? "abstract" : undefined;
  if (!record || !field) return undefined;
  const full = normalizeProse(record[field] as string);
  const text = fitProse(full, max, measure);
  if (text === "") return undefined;
  const origin = record.origins[field];
  const out: ShortAbstract = { label: field === "tldr" ? "TL;DR" : "Abstract", text, whole: text === collapseSpaces(full) && field === "abstract" };
  return origin ? { ...out, origin } : out;
}

/** The whole abstract (paragraphs kept), or the TL;DR when that is all there is. */
export function wholeAbstract(record: PaperRecord | undefined): { label: "Abstract" | "TL;DR"; text: string; origin?: FieldOrigin } | undefined {
  for (const [field, label] of [["abstract", "Abstract"], ["tldr", "TL;DR"]] as const) {
    const text = record?.[field] === undefined ? "" : normalizeProse(record[field]);
    if (record && text !== "") {
      const origin = record.origins[field];
      return origin ? { label, text, origin } : { label, text };
    }
  }
  return undefined;
}

/** Whether `abstract <paper>` has more to say than the card shows (a button is worth offering). */
export function hasAbstract(card: PaperCard): boolean {
  return wholeAbstract(card.record) !== undefined;
}

/** The command that answers the card's whole abstract; the id (see paperRef) resolves to it exactly. */
export function abstractLink(card: PaperCard): CommandLink {
  const ref = paperRef(card);
  return { command: "abstract", args: { paper: ref.length <= 100 ? ref : card.name.slice(0, 100) } };
}

export interface IdentifierLink {
  label: "DOI" | "arXiv" | "DBLP";
  id: string;
  url: string;
}

// Identifiers come from outside: each path segment is percent-encoded, so none can leave its resolver's path.
const encodePath = (id: string): string => id.split("/").map(encodeURIComponent).join("/");

/** DOI, arXiv and DBLP links of the record, in that order, for the identifiers it has. */
export function identifierLinks(record: PaperRecord | undefined): IdentifierLink[] {
  if (!record) return [];
  const links: IdentifierLink[] = [];
  const { doi, arxiv, dblp } = record.ids;
  if (doi) links.push({ label: "DOI", id: doi, url: `https://doi.org/${encodePath(doi)}` });
  if (arxiv) links.push({ label: "arXiv", id: arxiv, url: `https://arxiv.org/abs/${encodePath(arxiv)}` });
  if (dblp) links.push({ label: "DBLP", id: dblp, url: `https://dblp.org/rec/${encodePath(dblp)}` });
  return links;
}

/** "Title and authors from DBLP, abstract from arXiv": where the shown fields came from, or undefined without a record. */
export function sourcesLine(record: PaperRecord | undefined): string | undefined {
  if (!record) return undefined;
  const byName = new Map<string, string[]>();
  for (const field of ["title", "authors", "abstract", "tldr"] as const) {
    const origin = record.origins[field];
    if (!origin || record[field] === undefined) continue;
    const name = SOURCE_NAMES[origin.source];
    byName.set(name, [...(byName.get(name) ?? []), field === "tldr" ? "TL;DR" : field]);
  }
  if (byName.size === 0) return undefined;
  const parts = [...byName].map(([name, fields]) => `${fields.join(" and ")} from ${name}`);
  const line = parts.join(", ");
  return `${line[0]?.toUpperCase() ?? ""}${line.slice(1)}`;
}
