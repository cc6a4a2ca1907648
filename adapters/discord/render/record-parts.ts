import type { APIButtonComponent, APIEmbedField } from "discord.js";
import { ButtonStyle, ComponentType } from "discord.js";
import { abstractLink, cardAuthors, hasAbstract, identifierLinks, shortAbstract, sourcesLine, type Measure } from "../../../src/replies/record-view.js";
import type { PaperCard } from "../../../src/replies/reply.js";
import { askCustomId } from "./custom-id.js";
import { escapeText, escapeWithin, maskedLink, plainWithin } from "./escape.js";
import { LIMITS } from "./limits.js";
import type { ActionRow } from "./message.js";

/** Record text counts as Discord will receive it: escaped. */
export const escapedLength: Measure = (text) => escapeText(text).length;

const AUTHORS_MAX = 400;

/** The author line of a card, escaped, or undefined when the record names none. */
export function authorsText(card: PaperCard): string | undefined {
  const authors = cardAuthors(card);
  return authors === undefined ? undefined : escapeWithin(authors, AUTHORS_MAX);
}

/** "**TL;DR:** …" or "**Abstract:** …" within `budget` escaped characters, or undefined. */
export function summaryText(card: PaperCard, budget: number): string | undefined {
  const summary = shortAbstract(card.record, budget, escapedLength);
  return summary && `**${summary.label}:** ${escapeText(summary.text)}`;
}

/** The record's part of an embed description: the authors, then the TL;DR or the abstract's opening; undefined without a record. */
export function recordDescription(card: PaperCard, budget: number): string | undefined {
  const parts = [authorsText(card), summaryText(card, budget)].filter((p): p is string => p !== undefined);
  return parts.length > 0 ? parts.join("\n\n") : undefined;
}

/** DOI, arXiv and DBLP as masked links in one field ("DOI 10.1145/…"). */
export function identifiersField(card: PaperCard): APIEmbedField | undefined {
  const links = identifierLinks(card.record);
  if (links.length === 0) return undefined;
  const each = Math.floor(LIMITS.fieldValue / links.length) - 3;
  return { name: "Identifiers", value: links.map((l) => maskedLink(`${l.label} ${l.id}`, l.url, each)).join(" · "), inline: false };
}

/** "Title and authors from DBLP, abstract from arXiv" (names of our own, no upstream text). */
export function sourcesFooter(card: PaperCard): { text: string } | undefined {
  const line = sourcesLine(card.record);
  return line === undefined ? undefined : { text: plainWithin(line, LIMITS.footer) };
}

/** A button that answers the whole abstract privately; none without an abstract or when the id does not fit a custom_id. */
export function abstractButton(card: PaperCard, label = "Abstract"): APIButtonComponent | undefined {
  if (!hasAbstract(card)) return undefined;
  const customId = askCustomId(abstractLink(card));
  if (customId === undefined) return undefined;
  return { type: ComponentType.Button, style: ButtonStyle.Secondary, label: plainWithin(label, LIMITS.buttonLabel), custom_id: customId };
}

/** Buttons in rows of five, at most five rows (Discord's limits); a repeated custom_id and what does not fit are left out. */
export function buttonRows(buttons: APIButtonComponent[]): ActionRow[] {
  const seen = new Set<string>();
  const unique = buttons.filter((b) => {
    if (!("custom_id" in b)) return true;
    if (seen.has(b.custom_id)) return false;
    seen.add(b.custom_id);
    return true;
  });
  const rows: ActionRow[] = [];
  for (let i = 0; i < unique.length && rows.length < LIMITS.rowsPerMessage; i += LIMITS.buttonsPerRow) {
    rows.push({ type: ComponentType.ActionRow, components: unique.slice(i, i + LIMITS.buttonsPerRow) });
  }
  return rows;
}
