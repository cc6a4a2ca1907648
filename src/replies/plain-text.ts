import { foldKey } from "../papers/index.js";
import { titledName } from "./record-view.js";
import type { PaperCard, Reply } from "./reply.js";

/** One line about a paper: "AlpaServe (OSDI 2023)". */
export function cardTitle(card: PaperCard): string {
  const where = [card.venue, card.year].filter((x) => x !== null).join(" ");
  return where ? `${card.name} (${where})` : card.name;
}

/**
 * Ids of the cards whose names fold alike: different papers of one name from
 * different lists, which a pick-list tells apart by their lists.
 */
export function clashingCards(cards: readonly PaperCard[]): Set<string> {
  const byName = new Map<string, string[]>();
  for (const card of cards) byName.set(foldKey(card.name), [...(byName.get(foldKey(card.name)) ?? []), card.id]);
  return new Set([...byName.values()].filter((ids) => new Set(ids).size > 1).flat());
}

/**
 * A line that starts with the card's name, the name followed by the lists that
 * hold the paper ("Orca (llmsys) — …"); as it was when the card names no lists.
 */
export function withLists(card: PaperCard, line: string): string {
  if (!card.lists || card.lists.length === 0 || !line.startsWith(card.name)) return line;
  return `${card.name} (${card.lists.join(", ")})${line.slice(card.name.length)}`;
}

/**
 * One line about a paper with its full title when known, within `max`
 * characters, the title cut at a word: "AlpaServe — Statistical Multiplexing
 * with Model Parallelism… (OSDI 2023)". Without a record, cardTitle.
 */
export function cardLabel(card: PaperCard, max = 300, lists = false): string {
  if (lists && card.lists && card.lists.length > 0) return withLists(card, cardLabel(card, max - ` (${card.lists.join(", ")})`.length));
  const titled = titledName(card);
  const plain = cardTitle(card);
  const tail = plain.slice(card.name.length);
  if (titled === card.name) return plain;
  const within = titledName(card, max - tail.length);
  return within === card.name ? plain : `${within}${tail}`;
}

/**
 * A short plain-text summary of any reply: notification text, Slack's `text`
 * fallback, logs. Not escaped; each platform escapes it.
 */
export function fallbackText(reply: Reply): string {
  switch (reply.kind) {
    case "paper":
      return cardLabel(reply.card);
    case "abstract":
      return `${reply.label}: ${cardLabel(reply.card)}`;
    case "choices":
      return `${reply.text} ${reply.options.map((o) => o.name).join(", ")}`;
    case "papers":
      return `${reply.title}: ${reply.items.map((c) => c.name).join(", ")}`;
    case "info":
      return reply.text ? `${reply.title}: ${reply.text}` : reply.title;
    case "notice":
      return reply.text;
    case "error":
      return reply.hint ? `${reply.text} ${reply.hint}` : reply.text;
    case "announcement":
      return `${reply.headline}: ${reply.items.map((i) => cardLabel(i.card)).join(", ")}`;
    case "digest":
      return `${reply.headline}: ${reply.items.map((c) => c.name).join(", ")}${reply.more > 0 ? ` and ${reply.more} more` : ""}`;
    case "session":
      return [reply.headline, reply.presenter?.name, reply.card ? cardTitle(reply.card) : reply.note].filter(Boolean).join(" — ");
  }
}
