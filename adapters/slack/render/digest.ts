import type { Reply } from "../../../src/replies/reply.js";
import { capBlocks, context, header, sections, type Block } from "./blocks.js";
import { cardLine } from "./card.js";
import { groupMention } from "./options.js";
import { recordLines } from "./record.js";

/** Escaped characters of each paper's TL;DR or abstract opening in a scheduled digest. */
const DIGEST_SUMMARY = 300;

/**
 * Many papers at once: one line per paper and how many more. A scheduled
 * digest (`summaries`) gives each paper a section with its authors and short
 * abstract; at most 50 blocks, the rest counted. A subscription's user group is pinged first.
 */
export function renderDigest(reply: Extract<Reply, { kind: "digest" }>): Block[] {
  const more = reply.more > 0 ? context([`… and ${reply.more} more; /papers browses the whole list.`]) : [];
  const ping = groupMention(reply.mention);
  const top = [...(ping ? sections([ping]) : []), header(reply.headline)];
  if (!reply.summaries) return capBlocks([...top, ...sections(reply.items.map((card) => cardLine(card)))], more);
  return capBlocks([...top, ...reply.items.flatMap((card) => sections([cardLine(card), ...recordLines(card, DIGEST_SUMMARY)]))], more);
}
