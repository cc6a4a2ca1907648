import type { Reply } from "../../../src/replies/reply.js";
import { actionBlocks } from "./action-buttons.js";
import { actions, capBlocks, context, field, header, sections, type Block } from "./blocks.js";
import { cardLine, cardLinkButtons } from "./card.js";
import { escapeMrkdwn, inlineMrkdwn } from "./mrkdwn.js";
import { mention } from "./options.js";
import { abstractButton, identifiersLine, recordLines, SUMMARY } from "./record.js";

/** The weekly reading-group post: date, presenter (mentioned when linked to a Slack user) and the paper with its authors and short abstract. */
export function renderSession(reply: Extract<Reply, { kind: "session" }>): Block[] {
  const presenter = reply.presenter
    ? `*Presenter*\n${mention(reply.presenter.userIds.slack) ?? inlineMrkdwn(reply.presenter.name)}`
    : field("Presenter", "nobody yet");
  const body = [header(reply.headline), ...sections([], [field("Date", reply.date), presenter])];
  if (reply.card) {
    const identifiers = identifiersLine(reply.card);
    body.push(
      ...sections([cardLine(reply.card), ...recordLines(reply.card, SUMMARY.session), ...(identifiers ? [identifiers] : [])]),
      ...actions([...abstractButton(reply.card, "0"), ...cardLinkButtons(reply.card, "0")]),
    );
  }
  return capBlocks(body, [...context(reply.note ? [escapeMrkdwn(reply.note)] : []), ...actionBlocks(reply.actions)]);
}
