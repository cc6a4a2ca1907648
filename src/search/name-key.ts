import type { Paper } from "../papers/index.js";

// A folded name has neither "-" nor "@": these come only from the suffixes below.
const SUFFIXES = /(?:-\d+)?(?:@[a-z][a-z0-9_-]*)?$/;

/**
 * The folded name a paper answers to: its id, without the "-2" a list's second
 * paper of that name gets (mergeDrafts) nor the "@<list>" that mergeLists gives
 * a different paper whose name another list already took ("orca@llmsys" and
 * "tempo-2" answer to "orca" and "tempo", as the first Orca and Tempo do).
 */
export function nameKey(paper: Paper): string {
  return paper.id.replace(SUFFIXES, "") || paper.id;
}
