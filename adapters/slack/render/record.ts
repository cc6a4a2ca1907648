import { encodeCommandLink } from "../../../src/replies/command-link.js";
import { abstractLink, cardAuthors, hasAbstract, identifierLinks, shortAbstract, sourcesLine, type Measure } from "../../../src/replies/record-view.js";
import type { PaperCard } from "../../../src/replies/reply.js";
import { actionId } from "./action-ids.js";
import { valueButton, type Button } from "./blocks.js";
import { escapeMrkdwn, inlineMrkdwn, mrkdwnLink, truncateMrkdwn } from "./mrkdwn.js";

/** Record text counts as Slack will receive it: escaped. */
export const escapedLength: Measure = (text) => escapeMrkdwn(text).length;

/** How many characters of a TL;DR or abstract each post shows; the Abstract button gives the whole text. */
export const SUMMARY = { card: 1200, announcement: 600, session: 900 } as const;

/** Escaped characters of abstract per section of the `abstract` answer (sections hold 3000). */
export const ABSTRACT_PIECE = 2800;

/** The author line as mrkdwn, or [] when the record names none. */
export function authorsLines(card: PaperCard): string[] {
  const authors = cardAuthors(card);
  return authors ? [truncateMrkdwn(inlineMrkdwn(authors), 600)] : [];
}

/** The authors and the TL;DR or abstract's opening as mrkdwn lines; none without a record. */
export function recordLines(card: PaperCard, budget: number): string[] {
  const lines = authorsLines(card);
  const summary = shortAbstract(card.record, budget, escapedLength);
  if (summary) lines.push(`*${summary.label}:* ${escapeMrkdwn(summary.text)}`);
  return lines;
}

/** "<https://doi.org/…|DOI 10.1145/…> · <…|arXiv 2302.11665> · <…|DBLP …>", or undefined without identifiers. */
export function identifiersLine(card: PaperCard): string | undefined {
  const links = identifierLinks(card.record);
  return links.length > 0 ? links.map((l) => mrkdwnLink(l.url, `${l.label} ${l.id}`)).join(" · ") : undefined;
}

/** "Title and authors from DBLP, abstract from arXiv" as context text; [] without a record. */
export function sourcesContext(card: PaperCard): string[] {
  const line = sourcesLine(card.record);
  return line === undefined ? [] : [escapeMrkdwn(line)];
}

/** A button answering the whole abstract to the clicker alone; none without an abstract. */
export function abstractButton(card: PaperCard, suffix: string, label = "Abstract"): Button[] {
  if (!hasAbstract(card)) return [];
  const button = valueButton(actionId("ask", suffix), label, encodeCommandLink(abstractLink(card)));
  return button ? [button] : [];
}
