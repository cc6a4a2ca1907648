import { encodeCommandLink } from "../../../src/replies/command-link.js";
import { clashingCards } from "../../../src/replies/plain-text.js";
import type { Reply } from "../../../src/replies/reply.js";
import { actionId } from "./action-ids.js";
import { capBlocks, sections, sectionWithButton, valueButton, type Block } from "./blocks.js";
import { cardLine, paperLink } from "./card.js";
import { escapeMrkdwn } from "./mrkdwn.js";

/** A pick-list: one line per paper, each with a button that shows that paper's card. */
export function renderChoices(reply: Extract<Reply, { kind: "choices" }>): Block[] {
  // Papers of one name from different lists are labelled with their lists ("Orca (llmsys)").
  const clashing = clashingCards(reply.options);
  const rows = reply.options.map((card, i) => {
    const line = cardLine(card, clashing.has(card.id));
    const button = valueButton(actionId("run", `choice:${i}`), "Show", encodeCommandLink(paperLink(card)));
    return button ? sectionWithButton(line, button) : sections([line])[0];
  });
  return capBlocks([...sections([escapeMrkdwn(reply.text)]), ...rows.filter((b): b is Block => b !== undefined)]);
}
