/**
 * A bigram inverted index: for a query, the entries sharing the most bigrams
 * with it. It narrows a large list to a hundred or so candidates so the fuzzy
 * scorer never scans everything. Postings are typed arrays and the counting
 * state is reused, so a lookup allocates little beyond its answer.
 */
export class NgramFilter {
  private readonly postings = new Map<string, Int32Array>();
  private readonly counts: Uint16Array;
  private readonly touched: Int32Array;

  constructor(keysPerEntry: string[][]) {
    const lists = new Map<string, number[]>();
    keysPerEntry.forEach((keys, entry) => {
      const grams = new Set<string>();
      for (const key of keys) for (const gram of bigrams(key)) grams.add(gram);
      for (const gram of grams) {
        const list = lists.get(gram);
        if (list) list.push(entry);
        else lists.set(gram, [entry]);
      }
    });
    for (const [gram, list] of lists) this.postings.set(gram, Int32Array.from(list));
    this.counts = new Uint16Array(keysPerEntry.length);
    this.touched = new Int32Array(keysPerEntry.length);
  }

  /**
   * Entry numbers sharing at least `minShared` bigrams with the query, at most
   * `limit`, most shared first; among entries sharing as many, the first met
   * (query bigram order, then entry order) come first.
   */
  candidates(query: string, limit: number, minShared = 1): number[] {
    const { counts, touched } = this;
    let size = 0;
    let maxCount = 0;
    for (const gram of new Set(bigrams(query))) {
      const list = this.postings.get(gram);
      if (!list) continue;
      for (let i = 0; i < list.length; i++) {
        const entry = list[i]!;
        const count = counts[entry]! + 1;
        if (count === 1) touched[size++] = entry;
        counts[entry] = count;
        if (count > maxCount) maxCount = count;
      }
    }
    // A counting sort by shared bigrams, most first, touch order within a count.
    const perCount = new Int32Array(maxCount + 2);
    for (let i = 0; i < size; i++) perCount[counts[touched[i]!]!]!++;
    // Every entry sharing more than `cut` makes it; of those sharing exactly `cut`, the first ones that fit.
    let cut = maxCount;
    let taken = 0;
    for (; cut >= minShared && taken + perCount[cut]! <= limit; cut--) taken += perCount[cut]!;
    const total = cut >= minShared ? limit : taken;
    const next = new Int32Array(maxCount + 2);
    for (let c = maxCount - 1; c >= 0; c--) next[c] = next[c + 1]! + perCount[c + 1]!;
    const result = new Array<number>(total);
    for (let i = 0; i < size; i++) {
      const entry = touched[i]!;
      const count = counts[entry]!;
      counts[entry] = 0;
      if (count < minShared || count < cut) continue;
      const at = next[count]!;
      if (at < total) {
        result[at] = entry;
        next[count] = at + 1;
      }
    }
    return result;
  }
}

/** Bigrams of a folded key with start and end markers: "sia" -> ^s, si, ia, a$. */
export function bigrams(key: string): string[] {
  const padded = `^${key}$`;
  const grams: string[] = [];
  for (let i = 0; i + 2 <= padded.length; i++) grams.push(padded.slice(i, i + 2));
  return grams;
}
