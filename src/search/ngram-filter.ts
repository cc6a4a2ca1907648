/**
 * A bigram inverted index: for a query, the entries sharing the most bigrams
 * with it. It narrows a large list to a hundred or so candidates so the fuzzy
 * scorer never scans everything. Postings are typed arrays and the counting
 * state is reused, so a lookup allocates little beyond its answer.
 */
export class NgramFilter {
  private readonly postings = new Map<string, Int32Array>();
  /** Per entry, the query bigrams it has; bytes, as a query counts at most MAX_GRAMS of its bigrams. */
  private readonly counts: Uint8Array;
  /** The entries collected for a query, and how many bigrams each shares with it. */
  private readonly touched: Int32Array;
  private readonly shared: Uint8Array;

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
    this.counts = new Uint8Array(keysPerEntry.length);
    this.touched = new Int32Array(keysPerEntry.length);
    this.shared = new Uint8Array(keysPerEntry.length);
  }

  /**
   * Entry numbers sharing at least `minShared` bigrams with the query, at most
   * `limit`, most shared first; among entries sharing as many, those met first
   * (rarest bigram first, then entry order) come first.
   */
  candidates(query: string, limit: number, minShared = 1): number[] {
    const { counts, touched, shared } = this;
    const lists: Int32Array[] = [];
    for (const gram of new Set(bigrams(query))) {
      const list = this.postings.get(gram);
      if (list) lists.push(list);
    }
    lists.sort((a, b) => a.length - b.length);
    lists.length = Math.min(lists.length, MAX_GRAMS);
    for (const list of lists) for (let i = 0; i < list.length; i++) counts[list[i]!]!++;
    // Collect entries rarest list first, each once (its count is zeroed as it is taken). After j lists,
    // every entry sharing more than lists.length - j bigrams has been met (it is in some list walked),
    // so once `limit` of those are in hand the rest cannot make the cut.
    const perCount = new Int32Array(lists.length + 2);
    let size = 0;
    for (let j = 0; j < lists.length; j++) {
      const list = lists[j]!;
      for (let i = 0; i < list.length; i++) {
        const entry = list[i]!;
        const count = counts[entry]!;
        if (count === 0) continue;
        counts[entry] = 0;
        if (count < minShared) continue;
        touched[size] = entry;
        shared[size++] = count;
        perCount[count]!++;
      }
      let sure = 0;
      for (let c = lists.length - j; c <= lists.length; c++) sure += perCount[c]!;
      if (sure >= limit) {
        counts.fill(0);
        break;
      }
    }
    // A counting sort of what was collected by shared bigrams, most first, collection order within a count.
    const next = new Int32Array(lists.length + 2);
    for (let c = lists.length - 1; c >= 0; c--) next[c] = next[c + 1]! + perCount[c + 1]!;
    const result = new Array<number>(Math.min(limit, size));
    for (let i = 0; i < size; i++) {
      const entry = touched[i]!;
      const count = shared[i]!;
      const at = next[count]!;
      if (at < result.length) result[at] = entry;
      next[count] = at + 1;
    }
    return result;
  }
}

/** Bigrams a query is counted by, its rarest first: more than a name ever has, and within a byte per entry. */
const MAX_GRAMS = 255;

/** Bigrams of a folded key with start and end markers: "sia" -> ^s, si, ia, a$. */
export function bigrams(key: string): string[] {
  const padded = `^${key}$`;
  const grams: string[] = [];
  for (let i = 0; i + 2 <= padded.length; i++) grams.push(padded.slice(i, i + 2));
  return grams;
}
