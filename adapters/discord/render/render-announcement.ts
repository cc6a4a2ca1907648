import type { AnnouncedPaper, Reply } from "../../../src/replies/reply.js";
import { linksField } from "./card-parts.js";
import { fitEmbed } from "./embed-size.js";
import { escapeWithin } from "./escape.js";
import { COLORS, LIMITS, SUMMARY } from "./limits.js";
import { message, type DiscordMessage } from "./message.js";
import { abstractButton, buttonRows } from "./record-parts.js";
import { cardEmbed } from "./render-paper.js";
import { roleMention } from "./role-mention.js";

function itemEmbed(item: AnnouncedPaper) {
  const lines = item.changes.map((c) => `• ${escapeWithin(c, 300)}`);
  const embed = cardEmbed(item.card, {
    titlePrefix: item.change === "added" ? "New: " : "Changed: ",
    color: COLORS.announcement,
    summary: SUMMARY.announcement,
    ...(lines.length > 0 ? { description: lines.join("\n") } : {}),
  });
  const links = linksField(item.card, "all");
  if (links) embed.fields = [...(embed.fields ?? []), links];
  return fitEmbed(embed);
}

/**
 * Papers added or changed upstream: the headline as text, one embed per paper
 * with its title, authors and short abstract (links as a field: a channel post
 * of many papers has no room for link buttons), and an Abstract button per
 * paper that answers the clicker privately. A subscription's role is pinged in
 * the text, and allowed_mentions names only it. The announcer batches the embeds
 * into messages of at most 10 (and 6000 characters); the buttons go with the last.
 */
export function renderAnnouncement(reply: Extract<Reply, { kind: "announcement" }>): DiscordMessage {
  const single = reply.items.length === 1;
  const buttons = reply.items.flatMap((item) => abstractButton(item.card, single ? "Abstract" : `Abstract: ${item.card.name}`) ?? []);
  const ping = roleMention(reply.mention);
  return message({
    content: `${ping.text}📣 ${escapeWithin(reply.headline, LIMITS.content - 3 - ping.text.length)}`,
    embeds: reply.items.map(itemEmbed),
    components: buttonRows(buttons),
    mentionRoles: ping.roles,
  });
}
