import type { FuseIndex } from "fuse.js";
import type { SubstringMatcher } from "./substring-distance.js";

/** A string fuse.js compares for a record, lowercased as it does, with the exponent its score gets (key weight x field norm). */
export interface FuseString {
  text: string;
  exponent: number;
}

/**
 * The strings of every record of a fuse.js index, in record order, read from
 * the index itself so they are exactly what fuse.js scores. A text that
 * appears twice (a name that is already its folded key) is kept once with
 * both exponents added: x^a * x^b = x^(a+b).
 */
export function fuseStrings(index: FuseIndex<unknown>): FuseString[][] {
  const total = index.keys.reduce((sum, key) => sum + key.weight, 0);
  return index.records.map((record) => {
    const strings: FuseString[] = [];
    index.keys.forEach((key, k) => {
      const value = record.$?.[k];
      for (const sub of value === undefined ? [] : Array.isArray(value) ? value : [value]) {
        const text = sub.v.toLowerCase();
        const exponent = (key.weight / total) * sub.n;
        const same = strings.find((s) => s.text === text);
        if (same) same.exponent += exponent;
        else strings.push({ text, exponent });
      }
    });
    return strings;
  });
}

export interface BoundResult {
  /** No fuse.js score of the record can be lower; Infinity when fuse.js cannot match it. */
  floor: number;
  /** The share of the best-matching string (fewest edits, then shortest) that the query covers, 0..1. */
  coverage: number;
  /** The edits the query is from a substring of that string. */
  errors: number;
}

/**
 * The least score fuse.js (7.5, ignoreLocation) can give a record, and the
 * share of its best-matching string the query covers. fuse.js's Bitap finds,
 * per string, a substring within e edits of the query, scores it
 * max(0.001, e / length) (0 for the whole string), keeps it when that is at
 * most the threshold, and multiplies the kept scores, each raised to its
 * exponent. e is at least the true least distance d, which the matcher
 * computes, so the product over every string with d within the threshold is
 * a floor. Infinity: no string is close enough for fuse.js to match.
 * Writes into `out` (it runs for hundreds of candidates per keystroke).
 */
export function scoreBound(matcher: SubstringMatcher, strings: FuseString[], threshold: number, out: BoundResult): void {
  const length = matcher.length;
  const maxErrors = bitapMaxErrors(length, threshold);
  let floor = 1;
  let matched = false;
  let best = Infinity;
  let coverage = 0;
  for (let i = 0; i < strings.length; i++) {
    const { text, exponent } = strings[i]!;
    const d = matcher.distanceIn(text);
    const share = Math.min(1, length / Math.max(1, text.length));
    if (d < best || (d === best && share > coverage)) {
      best = d;
      coverage = share;
    }
    if (d > maxErrors) continue;
    matched = true;
    floor *= Math.pow(d === 0 ? Number.EPSILON : Math.max(0.001, d / length), exponent);
  }
  out.floor = matched ? floor : Infinity;
  out.coverage = coverage;
  out.errors = best;
}

/** The most errors fuse.js's Bitap accepts in a query of this length: the largest e with e / length <= threshold. */
export function bitapMaxErrors(length: number, threshold: number): number {
  let errors = 0;
  while ((errors + 1) / length <= threshold) errors++;
  return errors;
}
