import { encodeCommandLink } from "../../../src/replies/command-link.js";
import type { CommandLink, Reply } from "../../../src/replies/reply.js";
import { actionId } from "./action-ids.js";
import { actions, capBlocks, context, header, present, sections, valueButton, type Block } from "./blocks.js";
import { cardLine } from "./card.js";
import { shareButton, sharedByContext, type RenderOptions } from "./options.js";

const pageButton = (suffix: string, label: string, link: CommandLink | null) =>
  link ? valueButton(actionId("run", suffix), label, encodeCommandLink(link)) : undefined;

/**
 * A page of papers: one line each, then Previous / Next buttons whose value is
 * the encoded command of that page, so they keep working after a restart.
 */
export function renderPapers(reply: Extract<Reply, { kind: "papers" }>, options: RenderOptions): Block[] {
  const count = `${reply.total} paper${reply.total === 1 ? "" : "s"} · page ${reply.page} of ${reply.pageCount}`;
  const body = [header(reply.title), ...context([count]), ...reply.items.flatMap((card) => sections([cardLine(card)]))];
  const buttons = present([pageButton("prev", "◀ Previous", reply.prev), pageButton("next", "Next ▶", reply.next)]);
  return capBlocks(body, [...actions([...buttons, ...shareButton(options)]), ...sharedByContext(options)]);
}
