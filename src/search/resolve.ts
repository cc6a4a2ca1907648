import { foldKey, type Paper } from "../papers/index.js";
import { nameKey } from "./name-key.js";
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
 * Decides between one card and a pick-list, stage by stage: exact names win
 * outright; a prefix that only one paper has is that paper; then a name among
 * other words ("Shepherd NSDI"), then title, author and venue words
 * ("multiplexing"), then a typo that is clearly closer than the runner-up.
 * Otherwise the close candidates are offered. A later stage runs only when the
 * earlier ones found nothing, so a name always wins over a title word.
 */
export function resolvePaper(index: PaperIndex, query: string): Resolution {
  const ref = index.byRef(query);
  if (ref) return one({ paper: ref, score: 0, match: "exact" });
  const literal = index.literalHits(query, PICK_LIST + 1);
  const exact = literal.filter((h) => h.match === "exact" || h.match === "alias");
  if (exact.length === 1) return one(exact[0]!);
  if (exact.length > 1) return { kind: "several", hits: exact };
  const partial = literal.filter((h) => h.match === "prefix" || h.match === "word");
  if (partial.length === 1) return one(partial[0]!);
  if (partial.length > 1) return { kind: "several", hits: partial.slice(0, PICK_LIST) };

  const named = index.namedHits(query, PICK_LIST + 1);
  if (named.length > 0) {
    // A name among words the paper does not explain may be part of a longer name with a typo ("...GPU Models Por" for
    // "...Models Pro"), never another name the query is as close to ("Novano serving" is Novano, not NovaServing).
    const typo = named[0]!.leftOver ? index.wholeNameTypos(query, 2).filter((h) => hasNameOf(h.paper, named[0]!.paper)) : [];
    if (typo.length > 0) return clearestTypo(typo);
    return clearest(named);
  }
  const text = index.textHits(query, PICK_LIST + 1);
  const words = text.length > 0 ? text : index.textHits(query, PICK_LIST + 1, true);
  if (words.length === 1) return one(words[0]!);
  if (words.length > 1) return { kind: "several", hits: words.slice(0, PICK_LIST) };

  const typed = index.typoQuery(query);
  const hits = typed === null ? [] : index.fuzzyHits(typed, PICK_LIST + 1, undefined, query);
  const [best, second] = hits;
  if (!best) {
    const suggestions = typed === null ? [] : index.fuzzyHits(typed, 3, 0.7, query).map((h) => h.paper);
    return { kind: "none", suggestions };
  }
  if (best.score <= CLEAR_FUZZY && (!second || second.score - best.score >= FUZZY_GAP)) return one(best);
  const close = hits.filter((h) => h.score <= best.score + 0.15).slice(0, PICK_LIST);
  return close.length === 1 ? one(best) : { kind: "several", hits: close };
}

/** The closer of two whole-name typos when it is clearly closer, else both. */
function clearestTypo(hits: Hit[]): Resolution {
  const [best, second] = hits;
  if (best && (!second || second.score - best.score >= FUZZY_GAP / 10)) return one(best);
  return { kind: "several", hits };
}

const keysOf = (paper: Paper) => [nameKey(paper), ...paper.aliases.map(foldKey)];

/** Whether a name of `longer` has a name of `paper` in it ("AlpaServe Lite" has AlpaServe). */
function hasNameOf(longer: Paper, paper: Paper): boolean {
  const inner = keysOf(paper);
  return keysOf(longer).some((k) => inner.some((i) => i.length > 0 && k.includes(i)));
}

const one = (hit: Hit): Resolution => ({ kind: "one", paper: hit.paper, hit });

/** One named paper, or one whose other words fit strictly better than every other's, is the answer; else the pick-list. */
function clearest(hits: Hit[]): Resolution {
  const [best, second] = hits;
  if (best && (!second || second.score > best.score)) return one(best);
  return { kind: "several", hits: hits.slice(0, PICK_LIST) };
}
