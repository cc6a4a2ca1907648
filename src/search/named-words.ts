import { foldKey } from "../papers/index.js";
import type { TextIndex } from "./text-index.js";
import { STOPWORDS, textWords } from "./text-words.js";

/** Longest run of query words tried as one name: "Cba Auto Cba" -> cbaautocba. */
const MAX_SPAN = 4;

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
  /** Share of the other meaningful words the paper's title, authors, venue or year do not have (0..1). */
  unmatched: number;
}

/**
 * Papers that one word, or a run of words, of a many-word query names
 * exactly ("AlpaServe paper", "the Shepherd system", "Shepherd NSDI",
 * "SpotServe 2024"). The other words are context: a paper whose title,
 * authors, venue or year has more of them comes first.
 */
export function namedByWords(
  words: QueryWords,
  exact: ReadonlyMap<string, ReadonlyArray<{ entry: number }>>,
  text: TextIndex,
): NamedHit[] {
  const { keys } = words;
  if (keys.length < 2) return [];
  const best = new Map<number, number>();
  for (let length = Math.min(MAX_SPAN, keys.length - 1); length >= 1; length--) {
    for (let start = 0; start + length <= keys.length; start++) {
      const named = exact.get(keys.slice(start, start + length).join(""));
      if (!named) continue;
      const context = [...words.pieces.slice(0, start), ...words.pieces.slice(start + length)].flat().filter((w) => !STOPWORDS.has(w));
      for (const { entry } of named) {
        const missing = context.filter((w) => !text.has(entry, w)).length;
        const unmatched = context.length === 0 ? 0 : missing / context.length;
        if (unmatched < (best.get(entry) ?? Infinity)) best.set(entry, unmatched);
      }
    }
  }
  return [...best].map(([entry, unmatched]) => ({ entry, unmatched })).sort((a, b) => a.unmatched - b.unmatched || a.entry - b.entry);
}
