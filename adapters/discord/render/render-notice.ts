import type { Reply } from "../../../src/replies/reply.js";
import { escapeWithin } from "./escape.js";
import { COLORS, LIMITS } from "./limits.js";
import { message, type DiscordMessage } from "./message.js";

/** A short confirmation ("Subscribed #papers to announcements"), visible to the channel. */
export function renderNotice(reply: Extract<Reply, { kind: "notice" }>): DiscordMessage {
  return message({ embeds: [{ color: COLORS.notice, description: escapeWithin(reply.text, LIMITS.embedDescription) || "\u200b" }] });
}
