import { encodeCommandLink } from "../../../src/replies/command-link.js";
import type { ReplyAction } from "../../../src/replies/reply.js";
import { actionId } from "./action-ids.js";
import { actions, present, valueButton, type Block } from "./blocks.js";

/** The reply's action buttons (RSVP, a vote) as "ask" buttons: the value is the command link, the click answered to the clicker alone. */
export function actionBlocks(replyActions: readonly ReplyAction[] | undefined): Block[] {
  const buttons = present((replyActions ?? []).map((a, i) => valueButton(actionId("ask", `act${i}`), a.label, encodeCommandLink(a.link), i === 0 ? "primary" : undefined)));
  return actions(buttons);
}
