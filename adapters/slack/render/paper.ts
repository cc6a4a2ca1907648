import { titledName } from "../../../src/replies/record-view.js";
import type { Reply } from "../../../src/replies/reply.js";
import { actions, capBlocks, context, header, LIMITS, sections, type Block } from "./blocks.js";
import { cardFields, cardLinkButtons } from "./card.js";
import { escapeMrkdwn } from "./mrkdwn.js";
import { shareButton, sharedByContext, type RenderOptions } from "./options.js";
import { abstractButton, identifiersLine, recordLines, sourcesContext, SUMMARY } from "./record.js";

/**
 * A paper's card: its name (with the full title when known) as the header;
 * the authors and a short abstract; its facts as fields; the DOI / arXiv /
 * DBLP links; Abstract, its links and Share as buttons; the sources as context.
 */
export function renderPaper(reply: Extract<Reply, { kind: "paper" }>, options: RenderOptions): Block[] {
  const { card } = reply;
  const fields = cardFields(card);
  const about = recordLines(card, SUMMARY.card);
  const identifiers = identifiersLine(card);
  const body = [
    header(titledName(card, LIMITS.headerText)),
    ...sections(about),
    ...sections(fields.length > 0 || about.length > 0 ? [] : ["No venue, year or reporter in the list."], fields),
    ...sections(identifiers ? [identifiers] : []),
  ];
  const tail = [
    ...actions([...abstractButton(card, "0"), ...cardLinkButtons(card, "0"), ...shareButton(options)]),
    ...context([...(reply.note ? [escapeMrkdwn(reply.note)] : []), ...sourcesContext(card)]),
    ...sharedByContext(options),
  ];
  return capBlocks(body, tail);
}
