/** Sorted (key, value) pairs answering "all keys starting with q" in O(log n + k). */
export class PrefixTable<T> {
  private readonly keys: string[];
  private readonly values: T[];

  constructor(entries: Array<[string, T]>) {
    const sorted = entries.filter((e) => e[0].length > 0);
    sorted.sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
    this.keys = sorted.map(([k]) => k);
    this.values = sorted.map(([, v]) => v);
  }

  private lowerBound(prefix: string): number {
    let lo = 0;
    let hi = this.keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.keys[mid] as string) < prefix) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Visits entries whose key starts with `prefix`, in key order, until `visit` returns false. */
  scan(prefix: string, visit: (key: string, value: T) => boolean): void {
    for (let i = this.lowerBound(prefix); i < this.keys.length; i++) {
      const key = this.keys[i] as string;
      if (!key.startsWith(prefix)) return;
      if (!visit(key, this.values[i] as T)) return;
    }
  }
}
