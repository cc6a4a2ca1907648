import type { Paper } from "../papers/index.js";

/**
 * The folded name a paper answers to: its id, without the "@<list>" that
 * mergeLists gives a different paper whose name another list already took
 * ("orca@llmsys" answers to "orca", as the first Orca does).
 */
export function nameKey(paper: Paper): string {
  const at = paper.id.lastIndexOf("@");
  return at > 0 ? paper.id.slice(0, at) : paper.id;
}
