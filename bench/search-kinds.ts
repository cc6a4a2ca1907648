import type { PaperIndex } from "../src/search/paper-index.js";
import { resolvePaper, type Resolution } from "../src/search/resolve.js";
import { isRight, type LabelledQuery, type QueryKind } from "./labelled-queries.js";
import type { Peer } from "./search-peers.js";
import { summarize, timeEach, type Summary } from "./timing.js";

/** One kind of query at one list size: how often each engine's first answer is right, and how long each takes. */
export interface KindRow {
  kind: QueryKind;
  /** Queries of this kind in the sample every engine answered. */
  n: number;
  ours: { right: number; lookup: Summary; suggest: Summary };
  peers: Array<{ label: string; n: number; right: number; time: Summary }>;
}

const firstOf = (r: Resolution): string | null => (r.kind === "one" ? r.paper.id : r.kind === "several" ? (r.hits[0]?.paper.id ?? null) : null);
const pct = (xs: boolean[]) => (100 * xs.filter(Boolean).length) / Math.max(1, xs.length);

/**
 * Every engine on the same queries, kind by kind: at most `perKind` of each
 * kind (plain fuse.js scans every paper per query, so the sample keeps the run
 * short at 10,000 papers). Ours is timed `reps` times over, the peers
 * `peerReps` times (fuse.js once).
 */
export function compareByKind(
  index: PaperIndex,
  peers: Peer[],
  queries: LabelledQuery[],
  opts: { perKind: number; fuseSample?: number; reps: number; peerReps: number },
  progress: (msg: string) => void,
): KindRow[] {
  const kinds = [...new Set(queries.map((q) => q.kind))];
  return kinds.map((kind) => {
    const sample = queries.filter((q) => q.kind === kind).slice(0, opts.perKind);
    const lookup = timeEach(sample, (q) => resolvePaper(index, q.query), { warmup: 1, reps: opts.reps });
    const suggest = timeEach(sample, (q) => index.suggest(q.query, 25), { warmup: 1, reps: opts.reps });
    const ours = { right: pct(sample.map((q) => isRight(q, firstOf(resolvePaper(index, q.query))))), lookup: summarize(lookup), suggest: summarize(suggest) };
    progress(`  ${kind}: ${sample.length} queries, peers`);
    const peerRows = peers.map((peer) => {
      const right: boolean[] = [];
      const reps = peer.label === "fuse.js" ? 1 : opts.peerReps;
      const theirs = peer.label === "fuse.js" ? sample.slice(0, opts.fuseSample ?? sample.length) : sample;
      const time = timeEach(theirs, (q) => right.push(isRight(q, peer.first(q.query))), { warmup: peer.label === "fuse.js" ? 0 : 1, reps });
      right.length = theirs.length;
      return { label: peer.label, n: theirs.length, right: pct(right), time: summarize(time) };
    });
    return { kind, n: sample.length, ours, peers: peerRows };
  });
}

const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 1 ? x.toFixed(2) : x.toFixed(3));

/** The per-kind comparison as a markdown table: right first answers (%) and p50 / p99 per call (ms). */
export function kindsTable(papers: number, rows: KindRow[]): string {
  const labels = rows[0]?.peers.map((p) => p.label) ?? [];
  const head = ["kind", "n", "ours right", ...labels.map((l) => `${l} right`), "ours lookup p50 / p99", "ours autocomplete p50 / p99", ...labels.map((l) => `${l} p50 / p99`)];
  const body = rows.map((r) => [
    r.kind,
    String(r.n),
    `${r.ours.right.toFixed(0)} %`,
    ...r.peers.map((p) => `${p.right.toFixed(0)} %${p.n === r.n ? "" : ` (first ${p.n})`}`),
    `${ms(r.ours.lookup.p50)} / ${ms(r.ours.lookup.p99)}`,
    `${ms(r.ours.suggest.p50)} / ${ms(r.ours.suggest.p99)}`,
    ...r.peers.map((p) => `${ms(p.time.p50)} / ${ms(p.time.p99)}`),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => (b[i] as string).length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] as number)).join(" | ")} |`;
  return [`${papers.toLocaleString("en")} papers (times in ms)`, "", line(head), line(widths.map((w) => "-".repeat(w))), ...body.map(line)].join("\n");
}
