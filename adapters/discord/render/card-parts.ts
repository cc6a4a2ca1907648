import type { APIButtonComponent, APIEmbedField } from "discord.js";
import { ButtonStyle, ComponentType } from "discord.js";
import { withLists } from "../../../src/replies/plain-text.js";
import { titledName } from "../../../src/replies/record-view.js";
import type { PaperCard } from "../../../src/replies/reply.js";
import { escapeWithin, maskedLink, plainWithin } from "./escape.js";
import { LIMITS } from "./limits.js";

/** "OSDI 2023" or "" when neither is known. */
export const whereText = (card: PaperCard): string => [card.venue, card.year].filter((x) => x !== null).join(" ");

export const paperUrl = (card: PaperCard): string | undefined => card.links.find((l) => l.kind === "paper")?.url;

/** The card's facts as embed fields: venue, year, categories, reporters, and the lists when several are followed (each left out when unknown). */
export function cardFields(card: PaperCard): APIEmbedField[] {
  const fields: APIEmbedField[] = [];
  if (card.venue) fields.push({ name: "Venue", value: escapeWithin(card.venue, LIMITS.fieldValue), inline: true });
  if (card.year !== null) fields.push({ name: "Year", value: String(card.year), inline: true });
  if (card.categories.length > 0) {
    const text = card.categories.map((c) => `${c.symbol} ${c.label}`).join(", ");
    fields.push({ name: card.categories.length > 1 ? "Categories" : "Category", value: escapeWithin(text, LIMITS.fieldValue), inline: true });
  }
  if (card.reporters.length > 0) {
    fields.push({ name: card.reporters.length > 1 ? "Reporters" : "Reporter", value: escapeWithin(card.reporters.join(", "), LIMITS.fieldValue), inline: true });
  }
  if (card.lists && card.lists.length > 0) fields.push({ name: card.lists.length > 1 ? "Lists" : "List", value: escapeWithin(card.lists.join(", "), LIMITS.fieldValue), inline: true });
  return fields;
}

/** Link buttons for the card's code, blog notes and video (the paper itself is the embed title's link). */
export function linkButtons(card: PaperCard): APIButtonComponent[] {
  return card.links
    .filter((l) => l.kind !== "paper" && /^https?:\/\//i.test(l.url) && l.url.length <= LIMITS.buttonUrl)
    .slice(0, LIMITS.buttonsPerRow)
    .map((l) => ({ type: ComponentType.Button, style: ButtonStyle.Link, label: plainWithin(l.label, LIMITS.buttonLabel), url: l.url }));
}

/** Links a button cannot carry (too long for Discord), or every link where buttons are not used, as one field. */
export function linksField(card: PaperCard, kinds: "all" | "unbuttoned"): APIEmbedField | undefined {
  const links = card.links.filter((l) => (kinds === "all" ? l.kind !== "paper" : l.kind !== "paper" && l.url.length > LIMITS.buttonUrl));
  if (links.length === 0) return undefined;
  const each = Math.floor(LIMITS.fieldValue / links.length) - 3;
  return { name: "Links", value: links.map((l) => maskedLink(l.label, l.url, each)).join(" · "), inline: false };
}

/**
 * One list line: "3. [AlpaServe — Statistical Multiplexing…](url) — OSDI 2023 · ● — XiaoKai",
 * escaped, at most `max` characters (the full title, when known, cut at a word).
 */
export function paperLine(card: PaperCard, n: number | null, max = 400, lists = false): string {
  const where = whereText(card);
  const symbols = card.categories.map((c) => c.symbol).join("");
  const tail = [where && escapeWithin(where, 60), symbols && escapeWithin(symbols, 20), card.reporters.length > 0 && escapeWithin(card.reporters.join(", "), 100)]
    .filter(Boolean)
    .join(" · ");
  const prefix = n === null ? "• " : `${n}. `;
  const room = max - prefix.length - (tail ? tail.length + 3 : 0);
  const name = lists ? withLists(card, titledName(card, 110)) : titledName(card, 110);
  return `${prefix}${maskedLink(name, paperUrl(card), Math.max(room, 20))}${tail ? ` — ${tail}` : ""}`;
}

/** Joins lines into text of at most `max` characters; what does not fit becomes "… and N more". */
export function fitLines(lines: string[], max: number, more = 0): string {
  const kept: string[] = [];
  let length = 0;
  for (const [i, line] of lines.entries()) {
    const left = lines.length - i - 1 + more;
    const reserve = left > 0 ? `\n… and ${left + 1} more`.length : 0;
    if (length + (kept.length > 0 ? 1 : 0) + line.length + reserve > max) {
      kept.push(`… and ${lines.length - i + more} more`);
      return kept.join("\n");
    }
    kept.push(line);
    length += (kept.length > 1 ? 1 : 0) + line.length;
  }
  if (more > 0) kept.push(`… and ${more} more`);
  return kept.join("\n");
}
