/** Timing helpers: warm-up, many repetitions, median and p99 of per-call times. */

export interface Summary {
  p50: number;
  p99: number;
  mean: number;
  samples: number;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

export function summarize(samples: number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const mean = sorted.reduce((s, x) => s + x, 0) / Math.max(1, sorted.length);
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99), mean, samples: sorted.length };
}

/** Times `run` once per input (in ms), after `warmup` untimed passes, `reps` times over. */
export function timeEach<T>(inputs: readonly T[], run: (input: T) => unknown, opts: { warmup?: number; reps?: number } = {}): number[] {
  const { warmup = 1, reps = 1 } = opts;
  for (let w = 0; w < warmup; w++) for (const input of inputs) run(input);
  const samples: number[] = [];
  for (let r = 0; r < reps; r++) {
    for (const input of inputs) {
      const start = performance.now();
      run(input);
      samples.push(performance.now() - start);
    }
  }
  return samples;
}

/**
 * Median time (ms) of a whole operation over up to `reps` runs after `warmup`
 * runs, stopping early once `budgetMs` is spent (a slow first run is kept as
 * the only sample rather than thrown away as a warm-up).
 */
export function timeRuns(run: () => unknown, opts: { warmup?: number; reps?: number; budgetMs?: number } = {}): Summary {
  const { warmup = 1, reps = 5, budgetMs = 20_000 } = opts;
  const samples: number[] = [];
  let spent = 0;
  for (let i = 0; i < warmup + reps && (i === 0 || spent < budgetMs); i++) {
    const start = performance.now();
    run();
    const took = performance.now() - start;
    spent += took;
    if (i >= warmup || took > budgetMs / 2) samples.push(took);
  }
  return summarize(samples);
}
