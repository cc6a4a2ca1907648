/**
 * A bigram inverted index: for a query, the entries sharing the most bigrams
 * with it. It narrows a large list to a few hundred candidates so the fuzzy
 * scorer never scans everything.
 */
export class NgramFilter {
  private readonly postings = new Map<string, number[]>();
  private readonly counts: Uint16Array;

  constructor(keysPerEntry: string[][]) {
    this.counts = new Uint16Array(keysPerEntry.length);
    keysPerEntry.forEach((keys, entry) => {
      const grams = new Set(keys.flatMap(bigrams));
      for (const gram of grams) {
        const list = this.postings.get(gram);
        if (list) list.push(entry);
        else this.postings.set(gram, [entry]);
      }
    });
  }

  /** Entry numbers sharing at least `minShared` bigrams with the query, most shared first, at most `limit`. */
  candidates(query: string, limit: number, minShared = 1): number[] {
    const touched: number[] = [];
    let maxCount = 0;
    for (const gram of new Set(bigrams(query))) {
      for (const entry of this.postings.get(gram) ?? []) {
        if (this.counts[entry] === 0) touched.push(entry);
        const count = ++(this.counts as Uint16Array)[entry]!;
        if (count > maxCount) maxCount = count;
      }
    }
    // Bucket by count so selecting the best `limit` is linear in the touched entries.
    const buckets: number[][] = Array.from({ length: maxCount + 1 }, () => []);
    for (const entry of touched) {
      buckets[this.counts[entry] as number]!.push(entry);
      this.counts[entry] = 0;
    }
    const result: number[] = [];
    for (let count = maxCount; count >= minShared && result.length < limit; count--) {
      for (const entry of buckets[count]!) {
        if (result.length >= limit) break;
        result.push(entry);
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
