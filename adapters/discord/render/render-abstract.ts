import type { APIEmbed } from "discord.js";
import { splitProse, SOURCE_NAMES, titledName } from "../../../src/replies/record-view.js";
import type { Reply } from "../../../src/replies/reply.js";
import { paperUrl } from "./card-parts.js";
import { fitEmbed } from "./embed-size.js";
import { escapeText, escapeWithin, linkTarget, maskedLink } from "./escape.js";
import { ABSTRACT_PIECE, COLORS, LIMITS } from "./limits.js";
import { message, type DiscordMessage } from "./message.js";
import { authorsText, escapedLength } from "./record-parts.js";

/**
 * A paper's whole abstract: the titled name linking the paper and the authors,
 * then the text in as many embeds as it needs (split between sentences, each
 * within a description's 4096), the source as a link in the last. Sending
 * batches the embeds into messages within Discord's 6000 characters.
 */
export function renderAbstract(reply: Extract<Reply, { kind: "abstract" }>): DiscordMessage {
  const pieces = splitProse(reply.text, ABSTRACT_PIECE, escapedLength).map(escapeText);
  const authors = authorsText(reply.card);
  const embeds: APIEmbed[] = pieces.map((piece, i) => ({
    color: COLORS.paper,
    description: i === 0 && authors ? `${authors}\n\n**${reply.label}**\n${piece}` : piece,
  }));
  const first = embeds[0] ?? { color: COLORS.paper };
  first.title = escapeWithin(titledName(reply.card, LIMITS.embedTitle, escapedLength), LIMITS.embedTitle);
  const url = paperUrl(reply.card);
  const target = url === undefined ? undefined : linkTarget(url);
  if (target) first.url = target;
  if (embeds.length === 0) embeds.push(first);
  if (pieces.length > 1) embeds.forEach((e, i) => (e.footer = { text: `${i + 1}/${pieces.length}` }));
  if (reply.origin) {
    const last = embeds[embeds.length - 1] as APIEmbed;
    last.fields = [{ name: "Source", value: maskedLink(SOURCE_NAMES[reply.origin.source], reply.origin.url, LIMITS.fieldValue), inline: false }];
  }
  return message({ embeds: embeds.map(fitEmbed) });
}
