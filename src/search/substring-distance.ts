/** Longest pattern SubstringMatcher takes: one 32-bit word, as fuse.js's Bitap (longer queries skip the check). */
export const MAX_PATTERN = 32;

/**
 * The fewest edits (insertions, deletions, substitutions) that turn a pattern
 * into some substring of a text: the errors fuse.js's Bitap search counts.
 * Myers' bit-parallel algorithm does it in one pass over the text, so a
 * candidate that fuse.js could not match within its threshold is dropped for a
 * fraction of what scoring it would cost. Built once per query.
 */
export class SubstringMatcher {
  readonly length: number;
  private readonly ascii = new Int32Array(128);
  private readonly other = new Map<number, number>();
  private readonly high: number;
  private readonly all: number;

  constructor(pattern: string) {
    if (pattern.length === 0 || pattern.length > MAX_PATTERN) throw new RangeError(`pattern length must be 1..${MAX_PATTERN}`);
    this.length = pattern.length;
    for (let i = 0; i < pattern.length; i++) {
      const c = pattern.charCodeAt(i);
      if (c < 128) this.ascii[c]! |= 1 << i;
      else this.other.set(c, (this.other.get(c) ?? 0) | (1 << i));
    }
    this.high = 1 << (pattern.length - 1);
    this.all = pattern.length === 32 ? -1 : (1 << pattern.length) - 1;
  }

  /** The least edit distance from the pattern to any substring of `text` (code units compared exactly). */
  distanceIn(text: string): number {
    const ascii = this.ascii;
    const high = this.high;
    let pv = this.all;
    let mv = 0;
    let score = this.length;
    let best = score;
    for (let j = 0; j < text.length; j++) {
      const c = text.charCodeAt(j);
      const eq = c < 128 ? ascii[c]! : (this.other.get(c) ?? 0);
      const xv = eq | mv;
      const xh = ((((eq & pv) + pv) | 0) ^ pv) | eq;
      let ph = mv | ~(xh | pv);
      let mh = pv & xh;
      if (ph & high) score++;
      else if (mh & high) score--;
      // A match may start anywhere in the text: no carry-in on the horizontal deltas.
      ph <<= 1;
      mh <<= 1;
      pv = mh | ~(xv | ph);
      mv = ph & xv;
      if (score < best) best = score;
    }
    return best;
  }
}
