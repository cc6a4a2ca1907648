import type { Paper } from "../papers/index.js";
import { errorReply, type Reply } from "../replies/reply.js";
import { nameKey } from "../search/name-key.js";
import { clashingNames } from "../search/suggestion-label.js";

/**
 * The answer of a command that needs one paper when several match: their
 * names, those of one name from different lists followed by their lists
 * ("Atom (mss), Atom (llmsys)"), with the ids that pick each of those.
 */
export function severalPapers(command: string, query: string, papers: readonly Paper[]): Reply {
  const clashing = clashingNames(papers);
  const label = (p: Paper) => (clashing.has(nameKey(p)) && p.lists ? `${p.name} (${p.lists.join(", ")})` : p.name);
  const ids = papers.filter((p) => clashing.has(nameKey(p))).map((p) => `${command} ${p.id}`);
  return errorReply("invalid", `Several papers match "${query}": ${papers.map(label).join(", ")}.`, ids.length > 0 ? `Give the full name, or the id: ${ids.join(", ")}.` : "Give the full name.");
}
