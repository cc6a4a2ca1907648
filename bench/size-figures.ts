import { parseList, type PaperList } from "../src/papers/index.js";
import { PaperIndex } from "../src/search/paper-index.js";
import { resolvePaper, type Resolution } from "../src/search/resolve.js";
import { buildBaseline } from "./baseline.js";
import { parseWithGenericGfm } from "./gfm-baseline.js";
import { isRight, labelledQueries, type LabelledQuery, type QueryKind } from "./labelled-queries.js";
import { compareByKind, type KindRow } from "./search-kinds.js";
import { buildPeers, peerDocs } from "./search-peers.js";
import { syntheticRecords } from "./synthetic-records.js";
import { summarize, timeEach, timeRuns, type Summary } from "./timing.js";

/** Everything measured on one synthetic list size, ours and the baseline's. */
export interface SizeResult {
  papers: number;
  markdownBytes: number;
  queries: number;
  parse: { ours: Summary; baseline: Summary | null };
  build: { ours: Summary; baseline: Summary };
  lookup: { ours: Summary; baseline: Summary };
  autocomplete: { ours: Summary; baseline: Summary };
  accuracy: { ours: number; baseline: number; byKind: Record<string, { n: number; ours: number; baseline: number }> };
  /** Papers with a synthetic record (title, authors, venue), indexed by ours and the peers. */
  records: number;
  /** Building the three peers' indexes together (minisearch, flexsearch, fuse.js over name, title, authors, venue). */
  peerBuild: Summary;
  /** Ours beside minisearch, flexsearch and fuse.js, kind by kind. */
  byKind: KindRow[];
}

export interface SizePlan {
  papers: number;
  /** Papers the labelled queries are made from (each gives up to seven queries). */
  targets: number;
  /** Timed passes of our engine over the query set. */
  reps: number;
  /** Timed runs of the parse and of each index build. */
  parseReps: number;
  /** Also time micromark + GFM (slow: about a second per thousand rows). */
  baselineParse: boolean;
  /** Queries of each kind every engine answers in the per-kind comparison. */
  perKind: number;
  /** fuse.js answers only the first this many of them (it scans every paper per query); all when unset. */
  fuseSample?: number;
  /** The plain fuse.js baseline answers this many of the queries, evenly spread (both accuracies are over them); all when unset. */
  baselineSample?: number;
}

const firstOf = (r: Resolution): string | null => (r.kind === "one" ? r.paper.id : r.kind === "several" ? (r.hits[0]?.paper.id ?? null) : null);

export function measureSize(plan: SizePlan, markdown: string, seed: number, progress: (msg: string) => void): SizeResult {
  progress(`${plan.papers}: parse`);
  let parsed: PaperList | undefined;
  const parse = timeRuns(() => (parsed = parseList(markdown)), { warmup: plan.parseReps > 1 ? 1 : 0, reps: plan.parseReps });
  const parseBaseline = plan.baselineParse ? timeRuns(() => parseWithGenericGfm(markdown), { warmup: 0, reps: 1 }) : null;
  const list: PaperList = parsed ?? parseList(markdown);

  progress(`${plan.papers}: build, with titles and authors`);
  const records = syntheticRecords(list.papers, seed);
  const build = timeRuns(() => new PaperIndex(list, records), { warmup: 1, reps: plan.parseReps });
  const buildBase = timeRuns(() => buildBaseline(list.papers), { warmup: 1, reps: plan.parseReps });
  const index = new PaperIndex(list, records);
  const fuse = buildBaseline(list.papers);
  const queries = labelledQueries(list.papers, plan.targets, seed, records);
  const docs = peerDocs(list.papers, records);
  const peerBuild = timeRuns(() => buildPeers(docs), { warmup: 0, reps: plan.parseReps > 3 ? 2 : 1 });
  const peers = buildPeers(docs);

  progress(`${plan.papers}: ours, ${queries.length} queries x ${plan.reps}`);
  const lookup = timeEach(queries, (q) => resolvePaper(index, q.query), { warmup: 1, reps: plan.reps });
  const suggest = timeEach(queries, (q) => index.suggest(q.query, 25), { warmup: 1, reps: plan.reps });
  const oursRight = queries.map((q) => isRight(q, firstOf(resolvePaper(index, q.query))));

  const step = plan.baselineSample ? Math.max(1, Math.floor(queries.length / plan.baselineSample)) : 1;
  const sampled = queries.filter((_, i) => i % step === 0);
  progress(`${plan.papers}: baseline, ${sampled.length} queries x 2`);
  for (const q of sampled.slice(0, 5)) fuse.search(q.query);
  const baseRight: boolean[] = [];
  const baseLookup = timeEach(sampled, (q) => baseRight.push(isRight(q, fuse.search(q.query)[0]?.item.id ?? null)), { warmup: 0 });
  const baseSuggest = timeEach(sampled, (q) => fuse.search(q.query, { limit: 25 }), { warmup: 0 });

  progress(`${plan.papers}: every kind, ours beside minisearch, flexsearch and fuse.js`);
  const byKind = compareByKind(index, peers, queries, { perKind: plan.perKind, fuseSample: plan.fuseSample, reps: plan.reps, peerReps: 3 }, progress);

  return {
    papers: list.papers.length,
    markdownBytes: Buffer.byteLength(markdown),
    queries: sampled.length,
    parse: { ours: parse, baseline: parseBaseline },
    build: { ours: build, baseline: buildBase },
    lookup: { ours: summarize(lookup), baseline: summarize(baseLookup) },
    autocomplete: { ours: summarize(suggest), baseline: summarize(baseSuggest) },
    accuracy: accuracy(sampled, oursRight.filter((_, i) => i % step === 0), baseRight),
    records: records.size,
    peerBuild,
    byKind,
  };
}

function accuracy(queries: LabelledQuery[], ours: boolean[], base: boolean[]): SizeResult["accuracy"] {
  const pct = (xs: boolean[]) => (100 * xs.filter(Boolean).length) / Math.max(1, xs.length);
  const byKind: SizeResult["accuracy"]["byKind"] = {};
  const kinds = [...new Set(queries.map((q) => q.kind))] as QueryKind[];
  for (const kind of kinds) {
    const at = queries.flatMap((q, i) => (q.kind === kind ? [i] : []));
    byKind[kind] = { n: at.length, ours: pct(at.map((i) => ours[i] as boolean)), baseline: pct(at.map((i) => base[i] as boolean)) };
  }
  return { ours: pct(ours), baseline: pct(base), byKind };
}
