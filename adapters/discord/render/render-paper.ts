import type { APIEmbed } from "discord.js";
import { titledName } from "../../../src/replies/record-view.js";
import type { PaperCard, Reply } from "../../../src/replies/reply.js";
import { cardFields, linkButtons, linksField, paperUrl } from "./card-parts.js";
import { fitEmbed } from "./embed-size.js";
import { escapeWithin, linkTarget } from "./escape.js";
import { COLORS, LIMITS, SUMMARY } from "./limits.js";
import { message, type ActionRow, type DiscordMessage } from "./message.js";
import { abstractButton, buttonRows, escapedLength, identifiersField, recordDescription, sourcesFooter } from "./record-parts.js";

interface CardEmbedOptions {
  titlePrefix?: string;
  /** Escaped text shown above the record's authors and abstract. */
  description?: string;
  color?: number;
  /** Characters of TL;DR or abstract to show; the card's default when not given. */
  summary?: number;
}

/**
 * A paper as an embed: its name (with the full title when known) as a title
 * linking the paper; the authors and a short abstract; then venue, year,
 * categories, reporters and the DOI / arXiv / DBLP links; the sources in the footer.
 */
export function cardEmbed(card: PaperCard, over: CardEmbedOptions = {}): APIEmbed {
  const prefix = over.titlePrefix ?? "";
  const identifiers = identifiersField(card);
  const embed: APIEmbed = {
    title: `${prefix}${escapeWithin(titledName(card, LIMITS.embedTitle - prefix.length, escapedLength), LIMITS.embedTitle - prefix.length)}`,
    color: over.color ?? COLORS.paper,
    fields: identifiers ? [...cardFields(card), identifiers] : cardFields(card),
  };
  const url = paperUrl(card);
  const target = url === undefined ? undefined : linkTarget(url);
  if (target) embed.url = target;
  const description = [over.description, recordDescription(card, over.summary ?? SUMMARY.card)].filter(Boolean).join("\n\n");
  if (description) embed.description = description;
  const footer = sourcesFooter(card);
  if (footer) embed.footer = footer;
  return embed;
}

/** The buttons of a card: Abstract (when known) and its code, notes and video links; nothing when it has none. */
export function linkRow(card: PaperCard): ActionRow[] {
  const abstract = abstractButton(card);
  return buttonRows([...(abstract ? [abstract] : []), ...linkButtons(card)]);
}

export function renderPaper(reply: Extract<Reply, { kind: "paper" }>): DiscordMessage {
  const embed = cardEmbed(reply.card, reply.note ? { description: `*${escapeWithin(reply.note, 300)}*` } : {});
  const extra = linksField(reply.card, "unbuttoned");
  if (extra) embed.fields = [...(embed.fields ?? []), extra];
  return message({ embeds: [fitEmbed(embed)], components: linkRow(reply.card) });
}
