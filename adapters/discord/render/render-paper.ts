import type { APIEmbed } from "discord.js";
import { ComponentType } from "discord.js";
import type { PaperCard, Reply } from "../../../src/replies/reply.js";
import { cardFields, linkButtons, linksField, paperUrl } from "./card-parts.js";
import { fitEmbed } from "./embed-size.js";
import { escapeWithin, linkTarget } from "./escape.js";
import { COLORS, LIMITS } from "./limits.js";
import { message, type ActionRow, type DiscordMessage } from "./message.js";

/** A paper as an embed: the name as a title linking the paper, then venue, year, categories and reporters. */
export function cardEmbed(card: PaperCard, over: { titlePrefix?: string; description?: string; color?: number } = {}): APIEmbed {
  const prefix = over.titlePrefix ?? "";
  const embed: APIEmbed = {
    title: `${prefix}${escapeWithin(card.name, LIMITS.embedTitle - prefix.length)}`,
    color: over.color ?? COLORS.paper,
    fields: cardFields(card),
  };
  const url = paperUrl(card);
  const target = url === undefined ? undefined : linkTarget(url);
  if (target) embed.url = target;
  if (over.description) embed.description = over.description;
  return embed;
}

/** The row of link buttons of a card, or nothing when it has no code, notes or video. */
export function linkRow(card: PaperCard): ActionRow[] {
  const buttons = linkButtons(card);
  return buttons.length > 0 ? [{ type: ComponentType.ActionRow, components: buttons }] : [];
}

export function renderPaper(reply: Extract<Reply, { kind: "paper" }>): DiscordMessage {
  const embed = cardEmbed(reply.card, reply.note ? { description: `*${escapeWithin(reply.note, LIMITS.embedDescription - 2)}*` } : {});
  const extra = linksField(reply.card, "unbuttoned");
  if (extra) embed.fields = [...(embed.fields ?? []), extra];
  return message({ embeds: [fitEmbed(embed)], components: linkRow(reply.card) });
}
