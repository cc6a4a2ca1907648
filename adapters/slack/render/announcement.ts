import type { Reply } from "../../../src/replies/reply.js";
import { actions, capBlocks, context, header, sections, type Block } from "./blocks.js";
import { cardLine, cardLinkButtons } from "./card.js";
import { escapeMrkdwn } from "./mrkdwn.js";
import { groupMention } from "./options.js";
import { abstractButton, recordLines, SUMMARY } from "./record.js";

/**
 * Papers added to or changed in the list: one line per paper with its title,
 * authors and short abstract, what changed, and its links. A subscription's
 * user group is pinged first; nothing else in the text can ping.
 */
export function renderAnnouncement(reply: Extract<Reply, { kind: "announcement" }>): Block[] {
  const ping = groupMention(reply.mention);
  const body = [...(ping ? sections([ping]) : []), header(reply.headline)];
  reply.items.forEach((item, i) => {
    body.push(
      ...sections([`${item.change === "added" ? "*New:*" : "*Changed:*"} ${cardLine(item.card)}`, ...recordLines(item.card, SUMMARY.announcement)]),
      ...context(item.changes.map((c) => escapeMrkdwn(c))),
      ...actions([...abstractButton(item.card, String(i)), ...cardLinkButtons(item.card, String(i))]),
    );
  });
  return capBlocks(body);
}
