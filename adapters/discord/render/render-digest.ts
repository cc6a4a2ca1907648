import type { Reply } from "../../../src/replies/reply.js";
import { fitLines, paperLine } from "./card-parts.js";
import { fitEmbed } from "./embed-size.js";
import { escapeWithin } from "./escape.js";
import { COLORS, LIMITS } from "./limits.js";
import { message, type DiscordMessage } from "./message.js";

/** Many additions at once: one embed listing them, "… and N more" for the rest. */
export function renderDigest(reply: Extract<Reply, { kind: "digest" }>): DiscordMessage {
  const embed = fitEmbed({
    title: `📣 ${escapeWithin(reply.headline, LIMITS.embedTitle - 3)}`,
    color: COLORS.announcement,
    description: fitLines(reply.items.map((card) => paperLine(card, null)), LIMITS.embedDescription, reply.more) || "\u200b",
  });
  return message({ embeds: [embed] });
}
