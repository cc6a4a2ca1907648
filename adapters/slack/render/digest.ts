import type { Reply } from "../../../src/replies/reply.js";
import { capBlocks, context, header, sections, type Block } from "./blocks.js";
import { cardLine } from "./card.js";

/** Many additions at once: one line per paper and how many more. */
export function renderDigest(reply: Extract<Reply, { kind: "digest" }>): Block[] {
  const more = reply.more > 0 ? context([`… and ${reply.more} more; /papers browses the whole list.`]) : [];
  return capBlocks([header(reply.headline), ...sections(reply.items.map(cardLine))], more);
}
