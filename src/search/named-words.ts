import { foldKey } from "../papers/index.js";
import type { TextIndex } from "./text-index.js";
import { STOPWORDS, textWords } from "./text-words.js";

/**
 * Longest run of query words tried as one name ("Cba Auto Cba" -> cbaautocba;
 * a title of many words among extra ones). A query of n words has fewer than
 * n * MAX_SPAN runs, each one map lookup.
 */
const MAX_SPAN = 24;

/** A query cut into words, each folded as names are (for spans) and as text is (for context). */
export interface QueryWords {
  /** Per piece between spaces and separators, folded like a name key: "AutoCBA" -> autocba, "Min-jun" -> minjun. */
  keys: string[];
  /** Per piece, its words folded like indexed text: "Min-jun" -> min, jun; "Systems" -> system. */
  pieces: string[][];
  /** All of them, stopwords included. */
  words: string[];
}

export function queryWords(query: string): QueryWords {
  const raw = query.split(/[\s/,;:()[\]{}"'“”‘’|+&]+/u).filter((p) => foldKey(p).length > 0);
  const pieces = raw.map((p) => textWords(p));
  return { keys: raw.map(foldKey), pieces, words: pieces.flat() };
}

export interface NamedHit {
  entry: number;
  /** How many of the other meaningful words the paper's title, authors, venue or year do not have. */
  unmatched: number;
  /** Letters of the query the name covers: of two names in one query, the longer is more likely meant ("MoiStream et al"). */
  covered: number;
  /** Named by an alias rather than the whole name. */
  alias: boolean;
}

/**
 * Papers that one word, or a run of words, of a many-word query names
 * exactly ("AlpaServe paper", "the Shepherd system", "Shepherd NSDI",
 * "SpotServe 2024"). The other words are context: a paper whose title,
 * authors, venue or year has more of them comes first, and so does a longer
 * name the query has whole ("AlpaServe Lite paper" names AlpaServe Lite
 * before AlpaServe, whose "lite" is left over).
 */
export function namedByWords(
  words: QueryWords,
  exact: ReadonlyMap<string, ReadonlyArray<{ entry: number; alias: boolean }>>,
  text: TextIndex,
  /** The longest key of `exact`: no longer run of words can be a name. */
  longest = Infinity,
): NamedHit[] {
  const { keys } = words;
  if (keys.length < 2) return [];
  const best = new Map<number, NamedHit>();
  const stop = words.pieces.map((piece) => piece.every((w) => STOPWORDS.has(w)));
  for (let start = 0; start < keys.length; start++) {
    let name = "";
    // Runs grow one word at a time and stop once longer than any name, so a long query costs a few lookups a word.
    for (let end = start; end < keys.length && end - start < MAX_SPAN && end - start < keys.length - 1; end++) {
      name += keys[end];
      if (name.length > longest) break;
      const named = exact.get(name);
      if (!named) continue;
      // "of", "or", "the" among other words are words, not the alias of "OrcaFlow (OF)".
      if (stop.slice(start, end + 1).every(Boolean)) continue;
      const context = [...words.pieces.slice(0, start), ...words.pieces.slice(end + 1)].flat().filter((w) => !STOPWORDS.has(w));
      for (const { entry, alias } of named) {
        const hit = { entry, unmatched: context.filter((w) => !text.has(entry, w)).length, covered: name.length, alias };
        const held = best.get(entry);
        if (!held || compareNamed(hit, held) < 0) best.set(entry, hit);
      }
    }
  }
  return [...best.values()].sort(compareNamed);
}

/** Fewer unexplained words first, then the name covering more of the query, a whole name before an alias, then list order. */
export function compareNamed(a: NamedHit, b: NamedHit): number {
  return a.unmatched - b.unmatched || b.covered - a.covered || Number(a.alias) - Number(b.alias) || a.entry - b.entry;
}
