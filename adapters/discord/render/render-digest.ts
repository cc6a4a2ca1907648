import type { APIEmbed } from "discord.js";
import type { PaperCard, Reply } from "../../../src/replies/reply.js";
import { fitLines, paperLine } from "./card-parts.js";
import { fitEmbed } from "./embed-size.js";
import { escapeWithin } from "./escape.js";
import { COLORS, LIMITS } from "./limits.js";
import { message, type DiscordMessage } from "./message.js";
import { summaryText } from "./record-parts.js";
import { roleMention } from "./role-mention.js";

/** Characters of one scheduled-digest embed's description: two embeds and their titles stay within a message's 6000. */
const DIGEST_EMBED_TEXT = 2900;
/** Escaped characters of each paper's TL;DR or abstract opening in a scheduled digest. */
const DIGEST_SUMMARY = 260;

/** A paper in a scheduled digest: its line (title, venue, categories, reporters) and its short abstract when known. */
function digestEntry(card: PaperCard): string {
  const summary = summaryText(card, DIGEST_SUMMARY);
  return summary ? `${paperLine(card, null, 400)}\n${summary}` : paperLine(card, null, 400);
}

/** Entries packed into descriptions of at most `max` characters, in order; the last ends with "… and N more" when some were not listed. */
function packEntries(entries: string[], more: number, max: number): string[] {
  const tail = more > 0 ? `\n\n… and ${more} more` : "";
  max -= tail.length;
  const pages: string[][] = [[]];
  let size = 0;
  for (const entry of entries) {
    const page = pages[pages.length - 1] as string[];
    if (page.length > 0 && size + entry.length + 2 > max) {
      pages.push([entry]);
      size = entry.length;
    } else {
      page.push(entry);
      size += entry.length + 2;
    }
  }
  const texts = pages.map((p) => p.join("\n\n"));
  texts[texts.length - 1] += tail;
  return texts;
}

/**
 * Several papers in one post: one embed listing them, "… and N more" for the
 * rest. A scheduled digest (`summaries`) also shows each paper's short
 * abstract, over as many embeds as it takes (the announcer batches them into
 * messages within Discord's limits). A subscription's role is pinged in the text.
 */
export function renderDigest(reply: Extract<Reply, { kind: "digest" }>): DiscordMessage {
  const title = `📣 ${escapeWithin(reply.headline, LIMITS.embedTitle - 3)}`;
  const ping = roleMention(reply.mention);
  const content = ping.text ? { content: `${ping.text}${escapeWithin(reply.headline, LIMITS.content - ping.text.length)}` } : {};
  if (!reply.summaries) {
    const description = fitLines(reply.items.map((card) => paperLine(card, null)), LIMITS.embedDescription, reply.more) || "\u200b";
    return message({ ...content, embeds: [fitEmbed({ title, color: COLORS.announcement, description })], mentionRoles: ping.roles });
  }
  const pages = packEntries(reply.items.map(digestEntry), reply.more, DIGEST_EMBED_TEXT);
  const embeds: APIEmbed[] = pages.map((description, i) => fitEmbed({ ...(i === 0 ? { title } : {}), color: COLORS.announcement, description: description || "\u200b" }));
  return message({ ...content, embeds, mentionRoles: ping.roles });
}
