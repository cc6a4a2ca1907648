import type { Paper } from "../papers/index.js";
import { paperRef } from "../replies/paper-card.js";
import { errorReply, type Reply } from "../replies/reply.js";
import { nameKey } from "../search/name-key.js";
import { clashingNames } from "../search/suggestion-label.js";

/**
 * The answer of a command that needs one paper when several match: their
 * names, those of one name from different lists followed by their lists
 * ("Atom (mss), Atom (llmsys)"), with the ids that pick each of those
 * (as `command <id>` when a command is named).
 */
export function severalPapers(command: string | null, query: string, papers: readonly Paper[]): Reply {
  const clashing = clashingNames(papers);
  const label = (p: Paper) => (clashing.has(nameKey(p)) && p.lists ? `${p.name} (${p.lists.join(", ")})` : p.name);
  const refs = papers.filter((p) => clashing.has(nameKey(p))).map((p) => paperRef({ id: p.id, ...(p.lists ? { lists: p.lists } : {}) }));
  const ids = refs.map((ref) => (command === null ? ref : `${command} ${ref}`));
  return errorReply("invalid", `Several papers match "${query}": ${papers.map(label).join(", ")}.`, ids.length > 0 ? `Give the full name, or the id: ${ids.join(", ")}.` : "Give the full name.");
}
