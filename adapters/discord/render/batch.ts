import { embedSize } from "./embed-size.js";
import { LIMITS } from "./limits.js";
import { message, type DiscordMessage } from "./message.js";

/**
 * Splits a rendered reply into messages Discord accepts: at most 10 embeds and
 * 6000 embed characters each. The text goes with the first message, the
 * buttons and files with the last; every part keeps the same mentions rule.
 */
export function batchMessages(rendered: DiscordMessage): DiscordMessage[] {
  const groups: DiscordMessage["embeds"][] = [];
  let current: DiscordMessage["embeds"] = [];
  let size = 0;
  for (const embed of rendered.embeds) {
    const n = embedSize(embed);
    if (current.length > 0 && (current.length >= LIMITS.embedsPerMessage || size + n > LIMITS.embedTotal)) {
      groups.push(current);
      current = [];
      size = 0;
    }
    current.push(embed);
    size += n;
  }
  groups.push(current);
  const last = groups.length - 1;
  return groups.map((embeds, i) =>
    message({
      ...(i === 0 && rendered.content !== undefined ? { content: rendered.content } : {}),
      embeds,
      components: i === last ? rendered.components : [],
      files: i === last ? rendered.files : [],
      mentionUsers: rendered.mentionUsers,
      mentionRoles: rendered.mentionRoles,
      ephemeral: rendered.ephemeral,
    }),
  );
}
