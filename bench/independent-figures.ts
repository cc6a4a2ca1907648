import { NO_RECORDS } from "../src/papers/record.js";
import { PaperIndex } from "../src/search/paper-index.js";
import { resolvePaper, type Resolution } from "../src/search/resolve.js";
import { independentMix, MIX_KINDS, mixRight, type MixKind, type MixQuery } from "./independent-mix.js";
import { buildPeers, peerDocs } from "./search-peers.js";
import { summarize, timeEach, type Summary } from "./timing.js";

/** One kind of the independent mix at one list size, over every seed: right answers (%) and times. */
export interface MixKindRow {
  kind: MixKind | "all";
  n: number;
  /**
   * Times per call over every pass (wall clock), and `steady`: the p99 over
   * queries of each query's median pass, which a CPU shared with other work
   * (a busy machine preempting a 0.1 ms call for milliseconds) moves far less.
   */
  ours: { right: number; lookup: Summary; suggest: Summary; steady: { lookup: number; suggest: number } };
  /** Peers answer a sample of each kind (fuse.js scans every paper per query, so it gets fewer); `ours`: ours on that same sample. */
  peers: Array<{ label: string; n: number; right: number; ours: number; time: Summary }>;
}

export interface MixPlan {
  papers: number;
  seeds: number[];
  /** Queried papers per seed. */
  targets: number;
  /** Timed passes of ours over each kind's queries. */
  reps: number;
  /** Queries of each kind per seed the peers answer; fuse.js answers `fuseSample` of them. */
  peerSample: number;
  fuseSample: number;
  /** Ours alone (no peers): for working on the search. */
  oursOnly?: boolean;
}

export interface MixResult {
  papers: number;
  seeds: number[];
  rows: MixKindRow[];
  /** Queries ours got wrong (first few per kind), for reading, never for tuning. */
  misses: Array<{ kind: MixKind; query: string; expected: string | null; answer: string | null; seed: number }>;
}

const answerOf = (r: Resolution): { answer: string | null; confident: boolean } =>
  r.kind === "one" ? { answer: r.paper.id, confident: true } : r.kind === "several" ? { answer: r.hits[0]?.paper.id ?? null, confident: false } : { answer: null, confident: false };

/** Ours and the peers on the independent mix at one list size, over several seeds. */
export function measureIndependent(plan: MixPlan, progress: (msg: string) => void = () => {}): MixResult {
  const right = new Map<string, boolean[]>();
  const lookups = new Map<string, number[]>();
  const suggests = new Map<string, number[]>();
  const peerRight = new Map<string, boolean[]>();
  const peerTimes = new Map<string, number[]>();
  const oursOnSample = new Map<string, boolean[]>();
  const steadyLookups = new Map<string, number[]>();
  const steadySuggests = new Map<string, number[]>();
  const misses: MixResult["misses"] = [];
  const push = <T>(map: Map<string, T[]>, key: string, values: T[]) => map.set(key, [...(map.get(key) ?? []), ...values]);
  for (const seed of plan.seeds) {
    progress(`independent mix, ${plan.papers} papers, seed ${seed}: list and queries`);
    const { list, queries } = independentMix(plan.papers, seed, plan.targets);
    const index = new PaperIndex(list, NO_RECORDS);
    const peers = plan.oursOnly ? [] : buildPeers(peerDocs(list.papers, NO_RECORDS));
    for (const kind of MIX_KINDS) {
      const mine = queries.filter((q) => q.kind === kind);
      if (mine.length === 0) continue;
      const judged = mine.map((q) => {
        const { answer, confident } = answerOf(resolvePaper(index, q.query));
        const ok = mixRight(q, answer, confident);
        if (!ok && misses.filter((m) => m.kind === kind).length < 12) misses.push({ kind, query: q.query, expected: q.expected, answer, seed });
        return ok;
      });
      push(right, kind, judged);
      const lookup = timeEach(mine, (q) => resolvePaper(index, q.query), { warmup: 1, reps: plan.reps });
      const suggest = timeEach(mine, (q) => index.suggest(q.query, 25), { warmup: 1, reps: plan.reps });
      push(lookups, kind, lookup);
      push(suggests, kind, suggest);
      push(steadyLookups, kind, perQueryMedians(lookup, mine.length));
      push(steadySuggests, kind, perQueryMedians(suggest, mine.length));
      for (const peer of peers) {
        const sample: MixQuery[] = mine.slice(0, peer.label === "fuse.js" ? plan.fuseSample : plan.peerSample);
        progress(`  ${kind}: ${peer.label}, ${sample.length} queries`);
        push(peerTimes, `${peer.label} ${kind}`, timeEach(sample, (q) => peer.first(q.query), { warmup: 0, reps: 1 }));
        push(peerRight, `${peer.label} ${kind}`, sample.map((q) => { const a = peer.first(q.query); return mixRight(q, a, a !== null); }));
        push(oursOnSample, `${peer.label} ${kind}`, judged.slice(0, sample.length));
      }
    }
  }
  const pct = (xs: boolean[]) => (100 * xs.filter(Boolean).length) / Math.max(1, xs.length);
  const labels = plan.oursOnly ? [] : ["minisearch", "flexsearch", "fuse.js"];
  const rows: MixKindRow[] = [];
  const kinds = MIX_KINDS.filter((k) => right.has(k));
  for (const kind of [...kinds, "all" as const]) {
    const of = <T>(map: Map<string, T[]>, prefix = "") => (kind === "all" ? kinds.flatMap((k) => map.get(prefix + k) ?? []) : (map.get(prefix + kind) ?? []));
    const mine = of(right);
    rows.push({
      kind,
      n: mine.length,
      ours: { right: pct(mine), lookup: summarize(of(lookups)), suggest: summarize(of(suggests)), steady: { lookup: summarize(of(steadyLookups)).p99, suggest: summarize(of(steadySuggests)).p99 } },
      peers: labels.map((label) => {
        const theirs = of(peerRight, `${label} `);
        return { label, n: theirs.length, right: pct(theirs), ours: pct(of(oursOnSample, `${label} `)), time: summarize(of(peerTimes, `${label} `)) };
      }),
    });
  }
  return { papers: plan.papers, seeds: plan.seeds, rows, misses };
}

/** Each query's median time over the passes of timeEach (which times the queries in order, pass after pass). */
function perQueryMedians(samples: number[], queries: number): number[] {
  const out: number[] = [];
  for (let q = 0; q < queries; q++) {
    const mine: number[] = [];
    for (let at = q; at < samples.length; at += queries) mine.push(samples[at] as number);
    out.push(summarize(mine).p50);
  }
  return out;
}

const ms = (x: number) => (Number.isNaN(x) ? "-" : x >= 100 ? x.toFixed(0) : x >= 1 ? x.toFixed(2) : x.toFixed(3));

/** The independent mix as a markdown table: right first answers (%) per kind, ours beside each peer, and p50 / p99 (ms). */
export function independentTable(result: MixResult): string {
  const labels = result.rows[0]?.peers.map((p) => p.label) ?? [];
  const head = [
    "kind", "n", "ours right", ...labels.map((l) => `${l} right (n) / ours on them`), "at least the best peer",
    "ours lookup p50 / p99 / steady p99", "ours autocomplete p50 / p99 / steady p99", ...labels.map((l) => `${l} p50 / p99`),
  ];
  const body = result.rows.map((r) => {
    // Judged on the same queries: ours on each peer's sample.
    const behind = r.peers.filter((p) => p.ours < p.right);
    const best = Math.max(...r.peers.map((p) => p.right));
    return [
      r.kind,
      String(r.n),
      `${r.ours.right.toFixed(1)} %`,
      ...r.peers.map((p) => `${p.right.toFixed(1)} % (${p.n}) / ${p.ours.toFixed(1)} %`),
      r.peers.length === 0 ? "" : behind.length === 0 ? `✓ (${best.toFixed(1)} %)` : `✗ BEHIND ${behind.map((p) => p.label).join(", ")}`,
      `${ms(r.ours.lookup.p50)} / ${ms(r.ours.lookup.p99)} / ${ms(r.ours.steady.lookup)}`,
      `${ms(r.ours.suggest.p50)} / ${ms(r.ours.suggest.p99)} / ${ms(r.ours.steady.suggest)}`,
      ...r.peers.map((p) => `${ms(p.time.p50)} / ${ms(p.time.p99)}`),
    ];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => (b[i] as string).length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] as number)).join(" | ")} |`;
  const title = `${result.papers.toLocaleString("en")} papers, seeds ${result.seeds.join(", ")} (times in ms)`;
  return [title, "", line(head), line(widths.map((w) => "-".repeat(w))), ...body.map(line)].join("\n");
}
