import type { Reply } from "../../../src/replies/reply.js";
import { actions, capBlocks, context, header, sections, type Block } from "./blocks.js";
import { cardFields, cardLinkButtons } from "./card.js";
import { escapeMrkdwn } from "./mrkdwn.js";
import { shareButton, sharedByContext, type RenderOptions } from "./options.js";

/** A paper's card: its name as the header, its facts as fields, its links (and Share) as buttons. */
export function renderPaper(reply: Extract<Reply, { kind: "paper" }>, options: RenderOptions): Block[] {
  const { card } = reply;
  const fields = cardFields(card);
  const body = [header(card.name), ...sections(fields.length > 0 ? [] : ["No venue, year or reporter in the list."], fields)];
  const tail = [
    ...actions([...cardLinkButtons(card, "0"), ...shareButton(options)]),
    ...context(reply.note ? [escapeMrkdwn(reply.note)] : []),
    ...sharedByContext(options),
  ];
  return capBlocks(body, tail);
}
