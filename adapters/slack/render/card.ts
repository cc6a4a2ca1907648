import { withLists } from "../../../src/replies/plain-text.js";
import { paperRef } from "../../../src/replies/paper-card.js";
import { titledName } from "../../../src/replies/record-view.js";
import type { CommandLink, PaperCard } from "../../../src/replies/reply.js";
import { actionId } from "./action-ids.js";
import { field, linkButton, present, type Button } from "./blocks.js";
import { inlineMrkdwn, mrkdwnLink } from "./mrkdwn.js";

/** "OSDI 2023", or "" when the list gives neither. */
export function where(card: PaperCard): string {
  return [card.venue, card.year].filter((x) => x !== null).join(" ");
}

/** The card's facts as Block Kit fields (labels are ours, values untrusted and escaped by field()). */
export function cardFields(card: PaperCard): string[] {
  const fields: string[] = [];
  if (card.venue) fields.push(field("Venue", card.venue));
  if (card.year !== null) fields.push(field("Year", String(card.year)));
  if (card.categories.length > 0) fields.push(field(card.categories.length > 1 ? "Categories" : "Category", card.categories.map((c) => `${c.symbol} ${c.label}`).join(", ")));
  if (card.reporters.length > 0) fields.push(field(card.reporters.length > 1 ? "Reporters" : "Reporter", card.reporters.join(", ")));
  if (card.lists && card.lists.length > 0) fields.push(field(card.lists.length > 1 ? "Lists" : "List", card.lists.join(", ")));
  return fields;
}

/** One button per link of the card (Paper, Code, Blog notes, Video); `scope` keeps action ids unique per message. */
export function cardLinkButtons(card: PaperCard, scope: string): Button[] {
  return present(card.links.map((link) => linkButton(actionId("link", `${scope}:${link.kind}`), link.label, link.url)));
}

/** One mrkdwn line: "*<paper url|AlpaServe — Statistical Multiplexing…>* (OSDI 2023) ● — XiaoKai" (the full title when known). */
export function cardLine(card: PaperCard, lists = false): string {
  const paperUrl = card.links.find((l) => l.kind === "paper")?.url ?? card.links[0]?.url;
  const name = lists ? withLists(card, titledName(card, 110)) : titledName(card, 110);
  const parts = [paperUrl ? `*${mrkdwnLink(paperUrl, name)}*` : `*${inlineMrkdwn(name)}*`];
  const place = where(card);
  if (place) parts.push(`(${inlineMrkdwn(place)})`);
  const symbols = card.categories.map((c) => c.symbol).join("");
  if (symbols) parts.push(inlineMrkdwn(symbols));
  if (card.reporters.length > 0) parts.push(`— ${inlineMrkdwn(card.reporters.join(", "))}`);
  return parts.join(" ");
}

/** The command that shows this card again (pick-lists, Share); the id is the paper's folded name, which always resolves to it. */
export function paperLink(card: PaperCard): CommandLink {
  const ref = paperRef(card);
  return { command: "paper", args: { query: ref.length <= 100 ? ref : card.name.slice(0, 100) } };
}
