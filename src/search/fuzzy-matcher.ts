import Fuse, { type FuseIndex, type IFuseOptions } from "fuse.js";
import { foldKey, type Paper } from "../papers/index.js";
import { editDistance, typoBudget } from "./edit-distance.js";
import { fuseStrings, scoreBound, type BoundResult, type FuseString } from "./fuse-bound.js";
import { NgramFilter } from "./ngram-filter.js";
import { MAX_PATTERN, SubstringMatcher } from "./substring-distance.js";

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
 * Candidates per query from the bigram prefilter. 100 finds every labelled
 * typo of the bench at 1,000 and 10,000 papers (200 found one more of 73 at
 * 50,000) and halves the typo stage's time against 200.
 */
const CANDIDATES = 100;
/**
 * Added to a fuse.js score, up to this much each, for the part of the name the
 * query leaves out and for the typos in the part it covers, on the scale of
 * whole-name typos: fuse.js multiplies its per-field scores, so a record whose
 * name, key and alias all half-match can outscore the one paper a typo is
 * one edit away from.
 */
const PENALTY = 0.1;
/** fuse.js scores candidates at least this many at a time (as many as results are still missing). */
const BATCH = 8;

/** A paper the query may mean, with what is known before fuse.js scores it. */
interface Candidate {
  entry: number;
  /** The whole-name typo score, if the name or an alias is within the typo budget. */
  typoScore: number;
  /** No fuse.js score of this candidate can be lower (Infinity: fuse.js cannot match it). */
  fuseFloor: number;
  /** Added to the fuse.js score (see PENALTY). */
  penalty: number;
  /** No final score of this candidate can be lower. */
  bound: number;
}

/** One query's candidates, best bound first, and the fuse.js scores computed so far (null: no match). */
interface QueryState {
  query: string;
  candidates: Candidate[];
  fuseScores: Map<number, number | null>;
}

/**
 * The typo-tolerant stage of the index, built once per list version. For a
 * query, the bigram prefilter picks the 100 candidates sharing the most bigrams (on lists over
 * FULL_SCAN_LIMIT); an edit distance scores whole-name typos ("sai" for "Sia",
 * which fuse.js's Bitap rates poorly); a bit-parallel substring distance gives,
 * for each candidate, the least score fuse.js could give it. fuse.js then
 * scores candidates through the shared, pre-built index in order of that
 * bound, only until no unscored candidate could still enter the results.
 */
export class FuzzyMatcher {
  private readonly records: FuzzyRecord[];
  private readonly strings: FuseString[][];
  /** Per record: the folded keys typos are counted against (name, aliases). */
  private readonly keys: string[][];
  private readonly fuseIndex: FuseIndex<FuzzyRecord>;
  private readonly scorer: Fuse<FuzzyRecord>;
  private readonly ngrams: NgramFilter | undefined;
  private readonly everyEntry: number[];
  /** The last query's state: resolvePaper asks again with another threshold when nothing matched. */
  private last: QueryState | undefined;

  constructor(papers: Paper[]) {
    this.records = papers.map((p, entry) => ({ entry, name: p.name, key: p.id, aliases: p.aliases }));
    this.keys = this.records.map((r) => [r.key, ...r.aliases.map(foldKey)]);
    this.fuseIndex = Fuse.createIndex(FUSE_OPTIONS.keys ?? [], this.records);
    // Subsets of the index are picked by entry number, so record n must be paper n.
    if (this.fuseIndex.records.some((r, n) => r.i !== n)) throw new Error("fuse.js index out of step with the papers");
    this.strings = fuseStrings(this.fuseIndex);
    this.scorer = new Fuse(this.records, FUSE_OPTIONS, this.fuseIndex);
    this.everyEntry = this.records.map((r) => r.entry);
    if (this.records.length > FULL_SCAN_LIMIT) this.ngrams = new NgramFilter(this.keys);
  }

  /**
   * Papers the query may mean with typos, best first, scores from 0.2 up: a
   * whole-name typo by its distance, a fuse.js match (score at most
   * `threshold`) by its score plus a small penalty for the part of the name
   * the query leaves out and its typos; the better of the two when both apply.
   */
  match(query: string, limit: number, threshold: number): Array<{ entry: number; score: number }> {
    const state = this.state(query);
    const results: Array<{ entry: number; score: number }> = [];
    const kth = () => (results.length >= limit ? (results[limit - 1] as { score: number }).score : Infinity);
    const { candidates } = state;
    for (let i = 0; i < candidates.length; i++) {
      const c = candidates[i] as Candidate;
      if (c.bound > kth()) break;
      let score = c.typoScore;
      if (needsFuse(c, threshold)) {
        if (!state.fuseScores.has(c.entry)) this.scoreWithFuse(state, i, threshold, Math.max(BATCH, limit - results.length));
        const fuse = state.fuseScores.get(c.entry);
        if (fuse !== null && fuse !== undefined && fuse <= threshold) score = Math.min(score, Math.max(0.2, fuse) + c.penalty);
      }
      if (score === Infinity) continue;
      let at = results.length;
      while (at > 0 && compare(results[at - 1] as Result, { entry: c.entry, score }) > 0) at--;
      results.splice(at, 0, { entry: c.entry, score });
      if (results.length > limit) results.pop();
    }
    return results;
  }

  /** Scores the candidate at `from` and the next unscored ones that fuse.js could improve, `size` in all, in one fuse.js search. */
  private scoreWithFuse(state: QueryState, from: number, threshold: number, size: number): void {
    const batch: number[] = [];
    for (let i = from; i < state.candidates.length && batch.length < size; i++) {
      const c = state.candidates[i] as Candidate;
      if (needsFuse(c, threshold) && !state.fuseScores.has(c.entry)) batch.push(c.entry);
    }
    const subset = Fuse.parseIndex<FuzzyRecord>({ keys: this.fuseIndex.keys, records: batch.map((e) => this.fuseIndex.records[e]!) });
    this.scorer.setCollection(this.records, subset);
    for (const entry of batch) state.fuseScores.set(entry, null);
    for (const r of this.scorer.search(state.query.slice(0, 64))) state.fuseScores.set(r.item.entry, r.score ?? 1);
  }

  private state(query: string): QueryState {
    if (this.last?.query === query) return this.last;
    const key = foldKey(query);
    const candidates = key.length < 2 ? [] : this.candidates(query, key);
    this.last = { query, candidates, fuseScores: new Map() };
    return this.last;
  }

  private candidates(query: string, key: string): Candidate[] {
    const entries = this.ngrams ? this.ngrams.candidates(key, CANDIDATES) : this.everyEntry;
    const budget = typoBudget(key.length);
    const pattern = query.slice(0, 64).toLowerCase();
    const matcher = pattern.length > 0 && pattern.length <= MAX_PATTERN ? new SubstringMatcher(pattern) : undefined;
    const out: Candidate[] = [];
    const bound: BoundResult = { floor: 0, coverage: 1, errors: 0 };
    for (const entry of entries) {
      let typos = budget + 1;
      if (budget > 0) for (const name of this.keys[entry] as string[]) typos = Math.min(typos, editDistance(key, name, budget));
      const typoScore = typos <= budget ? 0.2 + (0.1 * typos) / key.length : Infinity;
      if (matcher) scoreBound(matcher, this.strings[entry] as FuseString[], FUZZY_THRESHOLD, bound);
      const penalty = matcher ? PENALTY * (1 - bound.coverage) + (PENALTY * bound.errors) / matcher.length : 0;
      const least = Math.min(typoScore, bound.floor === Infinity ? Infinity : Math.max(0.2, bound.floor) + penalty);
      if (least < Infinity) out.push({ entry, typoScore, fuseFloor: bound.floor, penalty, bound: least });
    }
    return out.sort((a, b) => a.bound - b.bound || a.entry - b.entry);
  }
}

type Result = { entry: number; score: number };

/** Whether fuse.js could still lower the candidate's score: it can match within the threshold, and its best would beat the typo score. */
const needsFuse = (c: Candidate, threshold: number) => c.fuseFloor <= threshold && Math.max(0.2, c.fuseFloor) + c.penalty < c.typoScore;
const compare = (a: Result, b: Result) => a.score - b.score || a.entry - b.entry;
