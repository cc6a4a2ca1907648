import { PrefixTable } from "./prefix-table.js";
import { textWords } from "./text-words.js";

/** What is known of one paper beyond its name: title, authors, venue words and year. */
export interface PaperText {
  title: string;
  authors: readonly string[];
  /** The list's venue, the venue as published, the year: words that place a paper rather than describe it. */
  place: readonly string[];
}

/** Marks a whole author's name in the postings ("\u0001ion stoica"), apart from single words. */
const AUTHOR_KEY = "\u0001";
const TITLE = 1;
const AUTHOR = 2;
const PLACE = 4;
/** Set when a word is in the title or the authors: venue and year words alone describe no paper. */
const DESCRIBES = 8;
const FIELD_BITS = 4;
/** A last word this short is taken whole, never as a prefix (it would match half the vocabulary). */
const MIN_PREFIX = 3;
/** At most this many vocabulary words stand for a typed prefix. */
const MAX_EXPANSION = 64;

export interface TextHit {
  entry: number;
  score: number;
}

/**
 * An inverted index of the words of titles, authors and venues, built once per
 * list and records version. A query's words must all occur in a paper (the
 * last one may be a prefix of a word, as while typing), and one at least
 * must be in the title or the authors. Postings hold (entry << 4 | fields) in
 * entry order, so intersections are linear merges.
 */
export class TextIndex {
  private readonly postings = new Map<string, Int32Array>();
  private readonly vocabulary: PrefixTable<Int32Array>;
  /** Title words per entry (0 without a title): a short title that a query covers ranks first. */
  private readonly titleLengths: Uint16Array;

  constructor(texts: ReadonlyArray<PaperText | undefined>) {
    const lists = new Map<string, number[]>();
    this.titleLengths = new Uint16Array(texts.length);
    texts.forEach((text, entry) => {
      if (!text) return;
      const fields = new Map<string, number>();
      const add = (words: string[], bit: number) => {
        for (const w of words) fields.set(w, (fields.get(w) ?? 0) | bit);
      };
      const title = textWords(text.title);
      this.titleLengths[entry] = Math.min(65_535, title.length);
      add(title, TITLE | DESCRIBES);
      for (const author of text.authors) {
        const words = textWords(author);
        add(words, AUTHOR | DESCRIBES);
        if (words.length > 1) add([authorKey(words)], AUTHOR | DESCRIBES);
      }
      for (const place of text.place) add(textWords(place), PLACE);
      for (const [word, bits] of fields) {
        const list = lists.get(word);
        if (list) list.push((entry << FIELD_BITS) | bits);
        else lists.set(word, [(entry << FIELD_BITS) | bits]);
      }
    });
    for (const [word, list] of lists) this.postings.set(word, Int32Array.from(list));
    this.vocabulary = new PrefixTable([...this.postings]);
  }

  /** Whether the paper at `entry` has this (folded) word in its title, authors or venue. */
  has(entry: number, word: string): boolean {
    const list = this.postings.get(word);
    if (!list) return false;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (list[mid]! >>> FIELD_BITS < entry) lo = mid + 1;
      else hi = mid;
    }
    return lo < list.length && list[lo]! >>> FIELD_BITS === entry;
  }

  /**
   * Papers having every one of `words` (folded, stopwords already dropped),
   * best first, at most `limit`: all words in the title before some in the
   * authors or venue, a whole last word before a prefix, a title the query
   * covers more of before a longer one, then list order.
   */
  search(words: readonly string[], limit: number, lastIsPrefix: boolean): TextHit[] {
    if (words.length === 0 || limit <= 0) return [];
    // An author's whole name ("Ion Stoica") finds that author's papers first, not papers by an Ion and a Stoica.
    const author = words.length > 1 ? this.postings.get(authorKey(words)) : undefined;
    if (author) {
      const hits = this.rank(author, words.length, false, -0.03, limit);
      if (hits.length >= limit) return hits.slice(0, limit);
      const seen = new Set(hits.map((h) => h.entry));
      for (const hit of this.allWords(words, limit, lastIsPrefix)) if (!seen.has(hit.entry)) hits.push(hit);
      return hits.slice(0, limit);
    }
    return this.allWords(words, limit, lastIsPrefix);
  }

  /** Papers having every word, in any field. */
  private allWords(words: readonly string[], limit: number, lastIsPrefix: boolean): TextHit[] {
    const last = words.length - 1;
    let prefixUsed = false;
    const lists: Int32Array[] = [];
    for (let i = 0; i < words.length; i++) {
      const word = words[i]!;
      let list = this.postings.get(word);
      if (i === last && lastIsPrefix && word.length >= MIN_PREFIX) {
        const expanded = this.expand(word, list);
        if (expanded !== list) prefixUsed = true;
        list = expanded;
      }
      if (!list || list.length === 0) return [];
      lists.push(list);
    }
    lists.sort((a, b) => a.length - b.length);
    let current = lists[0]!;
    for (let i = 1; i < lists.length && current.length > 0; i++) current = intersect(current, lists[i]!);

    return this.rank(current, words.length, prefixUsed, 0.005, limit);
  }

  /** The best `limit` hits of the postings, best first; only those are ever held (a common word has thousands). */
  private rank(postings: Int32Array, words: number, prefixUsed: boolean, base: number, limit: number): TextHit[] {
    const hits: TextHit[] = [];
    for (let i = 0; i < postings.length; i++) {
      // "OSDI 2023" alone is a filter (papers venue:OSDI), not a description of one paper.
      if ((postings[i]! & DESCRIBES) === 0) continue;
      const entry = postings[i]! >>> FIELD_BITS;
      const inTitle = (postings[i]! & TITLE) !== 0;
      const titleWords = this.titleLengths[entry]!;
      const covered = titleWords > 0 ? Math.min(1, words / titleWords) : 0;
      const score = 0.25 + base + (inTitle ? 0 : 0.02) + (prefixUsed ? 0.02 : 0) + 0.03 * (1 - covered);
      // Entries come in list order, so an equal score never displaces an earlier entry.
      if (hits.length === limit && score >= hits[limit - 1]!.score) continue;
      let at = hits.length === limit ? limit - 1 : hits.length;
      while (at > 0 && hits[at - 1]!.score > score) {
        hits[at] = hits[at - 1]!;
        at--;
      }
      hits[at] = { entry, score };
    }
    return hits;
  }

  /** The postings of every word starting with `prefix` (the word itself included), merged; `exact` alone when nothing longer exists. */
  private expand(prefix: string, exact: Int32Array | undefined): Int32Array | undefined {
    const found: Int32Array[] = [];
    this.vocabulary.scan(prefix, (_word, list) => {
      found.push(list);
      return found.length < MAX_EXPANSION;
    });
    if (found.length <= 1) return exact ?? found[0];
    let size = 0;
    for (const list of found) size += list.length;
    const all = new Int32Array(size);
    let at = 0;
    for (const list of found) {
      all.set(list, at);
      at += list.length;
    }
    all.sort();
    // One posting per entry: its field bits are those of any word matched.
    let out = 0;
    for (let i = 0; i < all.length; i++) {
      if (out > 0 && all[out - 1]! >>> FIELD_BITS === all[i]! >>> FIELD_BITS) all[out - 1] = all[out - 1]! | all[i]!;
      else all[out++] = all[i]!;
    }
    return all.subarray(0, out);
  }
}

const authorKey = (words: readonly string[]) => AUTHOR_KEY + words.join(" ");

/**
 * The entries in both lists, with the fields the words share: a paper has the
 * query "in its title" only when every word so far is in the title, so the
 * title bit is ANDed and the others ORed.
 */
function intersect(a: Int32Array, b: Int32Array): Int32Array {
  const out = new Int32Array(Math.min(a.length, b.length));
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    const ea = a[i]! >>> FIELD_BITS;
    const eb = b[j]! >>> FIELD_BITS;
    if (ea < eb) i++;
    else if (ea > eb) j++;
    else {
      const title = a[i]! & b[j]! & TITLE;
      out[n++] = (ea << FIELD_BITS) | title | ((a[i]! | b[j]!) & (AUTHOR | PLACE | DESCRIBES));
      i++;
      j++;
    }
  }
  return out.subarray(0, n);
}
