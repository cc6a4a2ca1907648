import { SOURCE_NAMES, splitProse, titledName } from "../../../src/replies/record-view.js";
import type { Reply } from "../../../src/replies/reply.js";
import { capBlocks, context, header, LIMITS, sections, type Block } from "./blocks.js";
import { cardLine } from "./card.js";
import { escapeMrkdwn, mrkdwnLink } from "./mrkdwn.js";
import { ABSTRACT_PIECE, authorsLines, escapedLength } from "./record.js";

/**
 * A paper's whole abstract: the titled name as the header, the paper's line
 * and authors, then the text in sections of at most 3000 characters (split
 * between sentences; a 20,000-character abstract takes eight), and its source.
 */
export function renderAbstract(reply: Extract<Reply, { kind: "abstract" }>): Block[] {
  const authors = authorsLines(reply.card);
  const pieces = splitProse(reply.text, ABSTRACT_PIECE, escapedLength).map(escapeMrkdwn);
  const source = reply.origin ? [`${reply.label} from ${mrkdwnLink(reply.origin.url, SOURCE_NAMES[reply.origin.source])}`] : [];
  const body = [
    header(titledName(reply.card, LIMITS.headerText)),
    ...sections([cardLine(reply.card), ...authors, `*${reply.label}*`]),
    ...pieces.flatMap((piece) => sections([piece])),
  ];
  return capBlocks(body, context(source));
}
