import type { Paper } from "../papers/index.js";
import type { Hit, PaperIndex } from "./paper-index.js";

/** What a lookup found: one clear answer, several close ones to pick from, or none (with the nearest names). */
export type Resolution =
  | { kind: "one"; paper: Paper; hit: Hit }
  | { kind: "several"; hits: Hit[] }
  | { kind: "none"; suggestions: Paper[] };

const CLEAR_FUZZY = 0.3;
const FUZZY_GAP = 0.1;
const PICK_LIST = 8;

/**
 * Decides between one card and a pick-list. Exact names win outright; a prefix
 * that only one paper has is that paper; a typo wins when it is clearly closer
 * than the runner-up. Otherwise the close candidates are offered.
 */
export function resolvePaper(index: PaperIndex, query: string): Resolution {
  // The same hits as index.search(query, PICK_LIST + 1), without typo matching when a literal match decides.
  const literal = index.literalHits(query, PICK_LIST + 1);
  const hits = literal.length > 0 ? literal : index.fuzzyHits(query, PICK_LIST + 1);
  const [best, second] = hits;
  if (!best) {
    const suggestions = index.fuzzyHits(query, 3, 0.7).map((h) => h.paper);
    return { kind: "none", suggestions };
  }
  const exact = hits.filter((h) => h.match === "exact" || h.match === "alias");
  if (exact.length === 1) return { kind: "one", paper: best.paper, hit: best };
  if (exact.length > 1) return { kind: "several", hits: exact };

  const partial = hits.filter((h) => h.match === "prefix" || h.match === "word");
  if (partial.length === 1) return { kind: "one", paper: best.paper, hit: best };
  if (partial.length > 1) return { kind: "several", hits: partial.slice(0, PICK_LIST) };

  if (best.score <= CLEAR_FUZZY && (!second || second.score - best.score >= FUZZY_GAP)) {
    return { kind: "one", paper: best.paper, hit: best };
  }
  const close = hits.filter((h) => h.score <= best.score + 0.15).slice(0, PICK_LIST);
  return close.length === 1 ? { kind: "one", paper: best.paper, hit: best } : { kind: "several", hits: close };
}
