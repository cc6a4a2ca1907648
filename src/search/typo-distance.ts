import { PatternMasks } from "./pattern-masks.js";

/**
 * The optimal string alignment distance (Levenshtein plus swaps of
 * neighbours) from one pattern to many names: the same as `editDistance`, in
 * one pass of word operations per name character (Hyyrö's bit-parallel
 * algorithm with transpositions, 2003) instead of a row of table cells. Built
 * once per query for the hundred candidates of the typo stage.
 */
export class TypoDistance {
  private readonly masks: PatternMasks;
  private readonly length: number;
  private readonly high: number;

  constructor(pattern: string) {
    this.masks = new PatternMasks(pattern);
    this.length = pattern.length;
    this.high = 1 << (pattern.length - 1);
  }

  /** The distance from the pattern to `text`, or `max + 1` when it is more than `max`. */
  to(text: string, max: number): number {
    const n = text.length;
    if (n - this.length > max || this.length - n > max) return max + 1;
    const { masks, high } = this;
    let vp = -1;
    let vn = 0;
    let d0 = 0;
    let previous = 0;
    let distance = this.length;
    for (let j = 0; j < n; j++) {
      const pm = masks.of(text.charCodeAt(j));
      const swap = ((~d0 & pm) << 1) & previous;
      d0 = ((((pm & vp) + vp) | 0) ^ vp) | pm | vn | swap;
      let hp = vn | ~(d0 | vp);
      let hn = d0 & vp;
      if (hp & high) distance++;
      else if (hn & high) distance--;
      hp = (hp << 1) | 1;
      hn <<= 1;
      vp = hn | ~(d0 | hp);
      vn = hp & d0;
      previous = pm;
      // The last row falls by at most one per character still to come.
      if (distance - (n - 1 - j) > max) return max + 1;
    }
    return distance;
  }
}
