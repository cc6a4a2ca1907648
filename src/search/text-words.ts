/**
 * Words of titles, authors, venues and queries, folded the same way on both
 * sides: accents and case dropped, split at anything not a letter or digit, a
 * plural "s" dropped ("GPUs" and "GPU" meet), so "Ion Stoica", "ion stoica"
 * and "Íon Stoica" are the same two words.
 */

const ASCII = /^[\x00-\x7f]*$/;

/** Words a query may carry that say nothing about which paper is meant. */
export const STOPWORDS: ReadonlySet<string> = new Set([
  "a", "an", "the", "of", "for", "and", "or", "in", "on", "at", "to", "with", "by", "via", "from", "into", "is", "are",
  "paper", "system", "work", "about", "that", "this", "its", "it", "what", "which", "how",
]);

/** One word as it is indexed and looked up: "GPUs" -> "gpu", "Systems" -> "system"; short words kept whole. */
export function wordKey(word: string): string {
  return word.length > 3 && word.endsWith("s") && !word.endsWith("ss") && !word.endsWith("is") ? word.slice(0, -1) : word;
}

/** The folded words of a text, in order, duplicates kept. */
export function textWords(text: string): string[] {
  const folded = ASCII.test(text) ? text.toLowerCase() : text.normalize("NFKD").replace(/\p{M}+/gu, "").toLowerCase();
  const out: string[] = [];
  for (const raw of folded.split(ASCII.test(folded) ? /[^a-z0-9]+/ : /[^\p{L}\p{N}]+/u)) if (raw) out.push(wordKey(raw));
  return out;
}

/** The words of a query that can pick a paper: all but the stopwords (or all of them, if nothing else is left). */
export function meaningfulWords(words: readonly string[]): string[] {
  const kept = words.filter((w) => !STOPWORDS.has(w));
  return kept.length > 0 ? kept : [...words];
}
