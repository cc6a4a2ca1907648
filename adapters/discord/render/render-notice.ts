import type { Reply } from "../../../src/replies/reply.js";
import { actionButtons } from "./action-buttons.js";
import { escapeWithin } from "./escape.js";
import { buttonRows } from "./record-parts.js";
import { COLORS, LIMITS } from "./limits.js";
import { message, type DiscordMessage } from "./message.js";

/** A short confirmation ("Subscribed #papers to announcements"), visible to the channel; a poll's buttons under it. */
export function renderNotice(reply: Extract<Reply, { kind: "notice" }>): DiscordMessage {
  return message({ embeds: [{ color: COLORS.notice, description: escapeWithin(reply.text, LIMITS.embedDescription) || "\u200b" }], components: buttonRows(actionButtons(reply.actions)) });
}
