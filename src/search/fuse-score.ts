import type { FuseIndex } from "fuse.js";
import type { SubstringMatcher } from "./substring-distance.js";

export interface FuseScore {
  /** The score fuse.js gives the record; Infinity when fuse.js does not match it. */
  score: number;
  /** The share of the best-matching string (fewest edits, then shortest) that the query covers, 0..1. */
  coverage: number;
  /** The edits the query is from a substring of that string. */
  errors: number;
}

/**
 * The strings fuse.js compares for each record of its index, lowercased as it
 * does, in the order it multiplies their scores (key by key, array items in
 * order), read from the index itself so they are exactly what it scores; and
 * the score fuse.js 7.5 (`ignoreLocation`, no extended search, a pattern of at
 * most 32 characters) gives a record, computed without running it.
 *
 * fuse.js's Bitap search rates a string 0 when it equals the lowercased
 * pattern; otherwise it tries 0, 1, 2, ... errors and stops at the first count
 * e with a match (the least edit distance from the pattern to a substring of
 * the string, which the matcher computes), keeps the string when e / length is
 * within the threshold, and rates it max(0.001, e / length). The record's
 * score is the product of its kept strings' scores (a 0 counting as
 * Number.EPSILON), each raised to its exponent, (key weight / total weight) x
 * field norm: the same operations in the same order, so the same floats.
 */
export class FuseStrings {
  private readonly texts: string[] = [];
  /** Per string: whether it is the same text as the one before it (its distance is reused). */
  private readonly repeats: Uint8Array;
  /** Per string: which of `exponents` it is raised to. */
  private readonly exponentOf: Uint16Array;
  private readonly exponents: number[];
  /** Strings of record r are first[r] .. first[r + 1] - 1. */
  private readonly first: Int32Array;
  /** The query being scored (see `prepare`). */
  private matcher: SubstringMatcher | undefined;
  private pattern = "";
  private maxErrors = 0;
  /** Math.pow(score, exponent) for the query, per (errors + 1, exponent); row 0 is the exact match. */
  private powers = new Float64Array(0);

  constructor(index: FuseIndex<unknown>) {
    const total = index.keys.reduce((sum, key) => sum + key.weight, 0);
    const exponentIds = new Map<number, number>();
    const exponentOf: number[] = [];
    const repeats: number[] = [];
    this.first = new Int32Array(index.records.length + 1);
    index.records.forEach((record, r) => {
      this.first[r] = this.texts.length;
      index.keys.forEach((key, k) => {
        const value = record.$?.[k];
        for (const sub of value === undefined ? [] : Array.isArray(value) ? value : [value]) {
          const exponent = (key.weight / total) * sub.n;
          if (!exponentIds.has(exponent)) exponentIds.set(exponent, exponentIds.size);
          const text = sub.v.toLowerCase();
          repeats.push(this.texts.length > this.first[r]! && this.texts[this.texts.length - 1] === text ? 1 : 0);
          exponentOf.push(exponentIds.get(exponent)!);
          this.texts.push(text);
        }
      });
    });
    this.first[index.records.length] = this.texts.length;
    this.exponents = [...exponentIds.keys()];
    this.exponentOf = Uint16Array.from(exponentOf);
    this.repeats = Uint8Array.from(repeats);
  }

  /**
   * Sets the query that `score` scores: the matcher built from `pattern`, the
   * lowercased query, and fuse.js's threshold. Once per query.
   */
  prepare(matcher: SubstringMatcher, pattern: string, threshold: number): void {
    this.matcher = matcher;
    this.pattern = pattern;
    this.maxErrors = bitapMaxErrors(matcher.length, threshold);
    const width = this.exponents.length;
    if (this.powers.length < (this.maxErrors + 2) * width) this.powers = new Float64Array((this.maxErrors + 2) * width);
    for (let e = 0; e < width; e++) {
      const exponent = this.exponents[e]!;
      this.powers[e] = Math.pow(Number.EPSILON, exponent);
      for (let errors = 0; errors <= this.maxErrors; errors++) {
        this.powers[(errors + 1) * width + e] = Math.pow(Math.max(0.001, errors / matcher.length), exponent);
      }
    }
  }

  /** The score fuse.js gives record `entry` for the prepared query. */
  score(entry: number, out: FuseScore): void {
    const { texts, repeats, exponentOf, powers, pattern, maxErrors } = this;
    const matcher = this.matcher!;
    const length = matcher.length;
    const width = this.exponents.length;
    let score = 1;
    let matched = false;
    let best = Infinity;
    let coverage = 0;
    let d = 0;
    for (let i = this.first[entry]!, end = this.first[entry + 1]!; i < end; i++) {
      const text = texts[i]!;
      if (repeats[i] === 0) d = matcher.distanceIn(text);
      const share = Math.min(1, length / Math.max(1, text.length));
      if (d < best || (d === best && share > coverage)) {
        best = d;
        coverage = share;
      }
      if (d > maxErrors) continue;
      const row = text.length === length && text === pattern ? 0 : d + 1;
      score *= powers[row * width + exponentOf[i]!]!;
      matched = true;
    }
    out.score = matched ? score : Infinity;
    out.coverage = coverage;
    out.errors = best;
  }
}

/** The most errors fuse.js's Bitap accepts in a query of this length: the largest e with e / length <= threshold. */
export function bitapMaxErrors(length: number, threshold: number): number {
  let errors = 0;
  while ((errors + 1) / length <= threshold) errors++;
  return errors;
}
