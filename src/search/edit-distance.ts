// Three reusable rows: the distance is computed for hundreds of candidates per
// keystroke, so it allocates nothing once the rows are long enough.
let rows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)] as const;

function ensureRows(length: number): readonly [Int32Array, Int32Array, Int32Array] {
  if (rows[0].length < length) rows = [new Int32Array(length * 2), new Int32Array(length * 2), new Int32Array(length * 2)];
  return rows;
}

/**
 * Optimal string alignment distance (Levenshtein plus adjacent transpositions),
 * stopping early once it exceeds `max`. "sai" -> "sia" is 1, which fuse.js's
 * Bitap scorer rates poorly for short names. With `prefix`, the distance from
 * `a` to the closest start of `b` ("efficientbatchingforspt" is 1 from a start
 * of "efficientbatchingforspotinstances").
 */
export function editDistance(a: string, b: string, max: number, prefix = false): number {
  const la = a.length;
  const lb = b.length;
  if (la - lb > max || (!prefix && lb - la > max)) return max + 1;
  const big = max + 1;
  const buffers = ensureRows(lb + 2);
  let prevPrev = buffers[0];
  let prev = buffers[1];
  let row = buffers[2];
  for (let j = 0; j <= lb; j++) prev[j] = j <= max ? j : big;
  for (let i = 1; i <= la; i++) {
    const ai = a.charCodeAt(i - 1);
    const aPrev = i > 1 ? a.charCodeAt(i - 2) : -1;
    // Only cells within `max` of the diagonal can stay within `max`; the rest count as `big`.
    const from = i - max > 1 ? i - max : 1;
    const to = i + max < lb ? i + max : lb;
    row[from - 1] = from === 1 ? (i <= max ? i : big) : big;
    let left = row[from - 1]!;
    let rowMin = from === 1 ? left : big;
    for (let j = from; j <= to; j++) {
      const bj = b.charCodeAt(j - 1);
      const diagonal = prev[j - 1]! + (ai === bj ? 0 : 1);
      const up = prev[j]! + 1;
      let value = left + 1 < up ? left + 1 : up;
      if (diagonal < value) value = diagonal;
      if (j > 1 && ai === b.charCodeAt(j - 2) && aPrev === bj && prevPrev[j - 2]! + 1 < value) value = prevPrev[j - 2]! + 1;
      if (value > big) value = big;
      row[j] = value;
      left = value;
      if (value < rowMin) rowMin = value;
    }
    if (to < lb) row[to + 1] = big;
    if (rowMin > max) return big;
    const spare = prevPrev;
    prevPrev = prev;
    prev = row;
    row = spare;
  }
  if (prefix) {
    // Every start of b within the band of the last row; cells beyond it are over `max`.
    let least = big;
    for (let j = Math.max(0, la - max); j <= Math.min(lb, la + max); j++) if (prev[j]! < least) least = prev[j]!;
    return least > max ? big : least;
  }
  return prev[lb]! > max ? big : prev[lb]!;
}

/** Typos a name of this length tolerates: one up to 5 characters, two beyond. */
export function typoBudget(length: number): number {
  return length < 3 ? 0 : length <= 5 ? 1 : 2;
}
