/** Longest pattern the bit-parallel distances take: one 32-bit word (as fuse.js's Bitap). */
export const MAX_PATTERN = 32;

/**
 * For each character, the bit mask of the pattern positions holding it (bit i:
 * position i), as the bit-parallel distances read them. ASCII from an array,
 * the rest from a map. Built once per query.
 */
export class PatternMasks {
  readonly length: number;
  private readonly ascii = new Int32Array(128);
  private readonly other = new Map<number, number>();

  constructor(pattern: string) {
    if (pattern.length === 0 || pattern.length > MAX_PATTERN) throw new RangeError(`pattern length must be 1..${MAX_PATTERN}`);
    this.length = pattern.length;
    for (let i = 0; i < pattern.length; i++) {
      const c = pattern.charCodeAt(i);
      if (c < 128) this.ascii[c]! |= 1 << i;
      else this.other.set(c, (this.other.get(c) ?? 0) | (1 << i));
    }
  }

  /** The mask of a UTF-16 code unit. */
  of(c: number): number {
    return c < 128 ? this.ascii[c]! : (this.other.get(c) ?? 0);
  }
}
