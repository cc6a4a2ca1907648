import Fuse, { type FuseIndex, type IFuseOptions } from "fuse.js";
import { foldKey, type Paper } from "../papers/index.js";
import { editDistance, typoBudget } from "./edit-distance.js";
import { FuseStrings, type FuseScore } from "./fuse-score.js";
import { NgramFilter } from "./ngram-filter.js";
import { MAX_PATTERN } from "./pattern-masks.js";
import { SubstringMatcher } from "./substring-distance.js";
import { TypoDistance } from "./typo-distance.js";
import { nameKey } from "./name-key.js";

export interface FuzzyRecord {
  entry: number;
  name: string;
  key: string;
  aliases: string[];
}

/** fuse.js's own cut-off: a string matches when errors / query length is at most this. */
export const FUZZY_THRESHOLD = 0.4;

export const FUSE_OPTIONS: IFuseOptions<FuzzyRecord> = {
  keys: [
    { name: "name", weight: 2 },
    { name: "key", weight: 2 },
    { name: "aliases", weight: 1 },
  ],
  includeScore: true,
  ignoreLocation: true,
  threshold: FUZZY_THRESHOLD,
};

/** Lists at most this long are checked whole; longer ones go through the bigram prefilter first. */
const FULL_SCAN_LIMIT = 400;
/**
 * Candidates per query from the bigram prefilter. 64 finds every labelled
 * typo of the bench at 1,000 and 10,000 papers, as 100 did (at 50,000, 71 of
 * 73 two-letter typos with either), for two thirds of the cost.
 */
const CANDIDATES = 64;
/**
 * Added to a fuse.js score, up to this much each, for the part of the name the
 * query leaves out and for the typos in the part it covers, on the scale of
 * whole-name typos: fuse.js multiplies its per-field scores, so a record whose
 * name, key and alias all half-match can outscore the one paper a typo is
 * one edit away from.
 */
const PENALTY = 0.1;

/** Added to a whole-name typo score reached through an alias, so that a name as close wins the tie. */
const ALIAS_TIE = 0.0001;

/** A paper the query may mean, with its scores before the threshold is applied. */
interface Candidate {
  entry: number;
  /** The whole-name typo score, if the name or an alias is within the typo budget. */
  typoScore: number;
  /** The score fuse.js gives it (Infinity: fuse.js does not match it). */
  fuse: number;
  /** Added to the fuse.js score (see PENALTY). */
  penalty: number;
}

/**
 * The typo-tolerant stage of the index, built once per list version. For a
 * query, the bigram prefilter picks the 64 candidates sharing the most
 * bigrams (on lists over FULL_SCAN_LIMIT); an edit distance scores whole-name
 * typos ("sai" for "Sia", which fuse.js's Bitap rates poorly); and each
 * candidate gets the score fuse.js would give it, computed from a
 * bit-parallel substring distance (see fuse-score.ts) rather than by running
 * fuse.js, whose Bitap search costs several times more. A query longer than
 * that distance takes (32 characters, lowercased: a many-word title) is
 * scored by its typos to the whole name alone, as fuse.js's Bitap cannot
 * hold it either.
 */
export class FuzzyMatcher {
  private readonly records: FuzzyRecord[];
  private readonly strings: FuseStrings;
  /** Per record: the folded keys typos are counted against (name, aliases). */
  private readonly keys: string[][];
  private readonly fuseIndex: FuseIndex<FuzzyRecord>;
  private readonly ngrams: NgramFilter | undefined;
  private readonly everyEntry: number[];
  /** The longest folded name or alias: a query much longer than it names nothing. */
  readonly longestKey: number;
  /** The last query's candidates: resolvePaper asks again with another threshold when nothing matched. */
  private last: { query: string; whole: string; candidates: Candidate[] } | undefined;

  constructor(papers: Paper[]) {
    this.records = papers.map((p, entry) => ({ entry, name: p.name, key: nameKey(p), aliases: p.aliases }));
    this.keys = this.records.map((r) => [r.key, ...r.aliases.map(foldKey)]);
    this.fuseIndex = Fuse.createIndex(FUSE_OPTIONS.keys ?? [], this.records);
    // Subsets of the index are picked by entry number, so record n must be paper n.
    if (this.fuseIndex.records.some((r, n) => r.i !== n)) throw new Error("fuse.js index out of step with the papers");
    this.strings = new FuseStrings(this.fuseIndex);
    this.everyEntry = this.records.map((r) => r.entry);
    let longest = 0;
    for (const keys of this.keys) for (const key of keys) longest = Math.max(longest, key.length);
    this.longestKey = longest;
    if (this.records.length > FULL_SCAN_LIMIT) this.ngrams = new NgramFilter(this.keys);
  }

  /**
   * Papers the query may mean with typos, best first, scores from 0.2 up: a
   * whole-name typo by its distance, a fuse.js match (score at most
   * `threshold`) by its score plus a small penalty for the part of the name
   * the query leaves out and its typos; the better of the two when both apply.
   */
  match(query: string, limit: number, threshold: number, whole?: string): Array<{ entry: number; score: number }> {
    const results: Result[] = [];
    for (const c of this.candidatesOf(query, whole)) {
      const fuse = c.fuse <= threshold ? Math.max(0.2, c.fuse) + c.penalty : Infinity;
      const score = Math.min(c.typoScore, fuse);
      if (score < Infinity) results.push({ entry: c.entry, score });
    }
    return results.sort(compare).slice(0, limit);
  }

  /**
   * Papers whose name or alias is the whole query with a few typos (no
   * substring, no prefix), best first: "Serverless Migration of GPU Models
   * Por" is ...Models Pro, not ...Models with "Por" beside it.
   */
  wholeNameTypos(query: string, limit: number): Array<{ entry: number; score: number }> {
    const key = foldKey(query);
    const budget = typoBudget(key.length);
    if (budget === 0) return [];
    const entries = this.ngrams ? this.ngrams.candidates(key, CANDIDATES) : this.everyEntry;
    const results: Result[] = [];
    for (const entry of entries) {
      let typos = budget + 1;
      for (const name of this.keys[entry] as string[]) typos = Math.min(typos, editDistance(key, name, budget));
      if (typos <= budget) results.push({ entry, score: 0.2 + (0.1 * typos) / key.length });
    }
    return results.sort(compare).slice(0, limit);
  }

  private candidatesOf(query: string, whole: string | undefined): Candidate[] {
    const wholeKey = whole === undefined ? "" : foldKey(whole);
    if (this.last?.query === query && this.last.whole === wholeKey) return this.last.candidates;
    const key = foldKey(query);
    const candidates = key.length < 2 ? [] : this.candidates(query, key, wholeKey !== key ? wholeKey : "");
    this.last = { query, whole: wholeKey, candidates };
    return candidates;
  }

  private candidates(query: string, key: string, wholeKey: string): Candidate[] {
    const entries = this.ngrams ? this.ngrams.candidates(key, CANDIDATES) : this.everyEntry;
    const budget = typoBudget(key.length);
    const typo = budget > 0 && key.length <= MAX_PATTERN ? new TypoDistance(key) : undefined;
    const typosTo = (name: string) => (typo ? typo.to(name, budget) : editDistance(key, name, budget));
    // The query with its stopwords ("Batching for Spot Instances"): a name may have them too.
    const wholeBudget = typoBudget(wholeKey.length);
    const pattern = query.slice(0, 64).toLowerCase();
    const matcher = pattern.length > 0 && pattern.length <= MAX_PATTERN ? new SubstringMatcher(pattern) : undefined;
    if (matcher) this.strings.prepare(matcher, pattern, FUZZY_THRESHOLD);
    const out: Candidate[] = [];
    const scored: FuseScore = { score: Infinity, coverage: 1, errors: 0 };
    const long = key.length > MAX_PATTERN;
    for (const entry of entries) {
      const keys = this.keys[entry] as string[];
      let typos = budget + 1;
      // Of a name and an alias as close, the name ("UltraSwap" before the alias of "UltraSwap (US)").
      let byAlias = false;
      if (budget > 0) {
        for (let k = 0; k < keys.length; k++) {
          const found = typosTo(keys[k] as string);
          if (found < typos) [typos, byAlias] = [found, k > 0];
        }
      }
      let typoScore = typos <= budget ? 0.2 + (0.1 * typos) / key.length + (byAlias ? ALIAS_TIE : 0) : Infinity;
      if (long && typoScore === Infinity) {
        // A long query (a title) may stop short of the name: its typos to the closest start, plus the part left out.
        for (const name of keys) {
          const found = editDistance(key, name, budget, true);
          if (found <= budget) typoScore = Math.min(typoScore, 0.2 + (0.1 * found) / key.length + PENALTY * (1 - key.length / name.length));
        }
      }
      if (wholeKey.length > 0 && wholeBudget > 0) {
        let wholeTypos = wholeBudget + 1;
        for (const name of this.keys[entry] as string[]) wholeTypos = Math.min(wholeTypos, editDistance(wholeKey, name, wholeBudget));
        if (wholeTypos <= wholeBudget) typoScore = Math.min(typoScore, 0.2 + (0.1 * wholeTypos) / wholeKey.length);
      }
      let fuse = Infinity;
      let penalty = 0;
      if (matcher) {
        this.strings.score(entry, scored);
        fuse = scored.score;
        penalty = PENALTY * (1 - scored.coverage) + (PENALTY * scored.errors) / matcher.length;
      }
      if (typoScore < Infinity || fuse < Infinity) out.push({ entry, typoScore, fuse, penalty });
    }
    return out;
  }
}

type Result = { entry: number; score: number };

const compare = (a: Result, b: Result) => a.score - b.score || a.entry - b.entry;
