import { PatternMasks } from "./pattern-masks.js";

/**
 * The fewest edits (insertions, deletions, substitutions) that turn a pattern
 * into some substring of a text: the errors fuse.js's Bitap search counts.
 * Myers' bit-parallel algorithm does it in one pass over the text, so the
 * score fuse.js would give a candidate (fuse-score.ts) costs a fraction of
 * running its Bitap search. Built once per query.
 */
export class SubstringMatcher {
  readonly length: number;
  private readonly masks: PatternMasks;
  private readonly high: number;
  private readonly all: number;

  constructor(pattern: string) {
    this.masks = new PatternMasks(pattern);
    this.length = pattern.length;
    this.high = 1 << (pattern.length - 1);
    this.all = pattern.length === 32 ? -1 : (1 << pattern.length) - 1;
  }

  /** The least edit distance from the pattern to any substring of `text` (code units compared exactly). */
  distanceIn(text: string): number {
    const masks = this.masks;
    const high = this.high;
    let pv = this.all;
    let mv = 0;
    let score = this.length;
    let best = score;
    for (let j = 0; j < text.length; j++) {
      const eq = masks.of(text.charCodeAt(j));
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
