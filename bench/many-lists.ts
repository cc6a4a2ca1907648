// Ten followed lists of 2,000 papers each, merged into one catalog, beside one list of 2,000:
// lookup and autocomplete p99 by kind of query on the same queries, and what swapping in
// a new version of one list costs (merge + index build: time, heap).
// `npx tsx bench/many-lists.ts [--quick]` runs it alone; bench/run.ts adds its figures.
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { parseList, type Paper, type PaperList } from "../src/papers/index.js";
import type { PaperRecord, PaperRecords } from "../src/papers/record.js";
import { Catalog, type ListVersion } from "../src/search/catalog.js";
import { resolvePaper } from "../src/search/resolve.js";
import { labelledQueries, type LabelledQuery } from "./labelled-queries.js";
import { Prng } from "./prng.js";
import type { Figure } from "./report.js";
import { syntheticRows, writeListMarkdown } from "./synthetic-list.js";
import { syntheticRecords } from "./synthetic-records.js";
import { summarize, timeEach, timeRuns, type Summary } from "./timing.js";

export interface ManyListsPlan {
  lists: number;
  perList: number;
  /** Share of each list's papers that other lists hold too (the same arXiv id). */
  shared: number;
  /** Papers per list given the name of a different paper of another list. */
  collisions: number;
  targets: number;
  reps: number;
  rebuildReps: number;
}

export const MANY_LISTS: ManyListsPlan = { lists: 10, perList: 2_000, shared: 0.1, collisions: 20, targets: 120, reps: 10, rebuildReps: 5 };
export const MANY_LISTS_QUICK: ManyListsPlan = { ...MANY_LISTS, targets: 60, reps: 4, rebuildReps: 3 };

export const KINDS = ["exact", "prefix", "typo", "title", "autocomplete"] as const;
export type ManyKind = (typeof KINDS)[number];

export interface ManyListsResult {
  plan: ManyListsPlan;
  /** Papers in the merged catalog, and how many are "<name>@<list>" (a name two lists give to different papers). */
  merged: { papers: number; collided: number; onSeveral: number };
  /** Per kind: every call's time, and the steady figure (each query's median over the repetitions, so that a busy machine's pauses fall out). */
  byKind: Array<{ kind: ManyKind; n: number; one: Summary; many: Summary; steady: { one: number; many: number } }>;
  rebuild: { one: Summary; many: Summary };
  heap: { oneMb: number; manyMb: number; rebuildAllocMb: number };
}

/** The garbage collector, when V8 lets it be exposed at run time (the bench's heap figures need it). */
function exposeGc(): (() => void) | undefined {
  try {
    setFlagsFromString("--expose-gc");
    return runInNewContext("gc") as () => void;
  } catch {
    return undefined;
  }
}

/** The p99 over queries of each query's median time: `samples` as timeEach gives them (every query, then again, `reps` times). */
function steadyP99(samples: number[], queries: number): number {
  const medians = Array.from({ length: queries }, (_, i) => summarize(samples.filter((_, j) => j % queries === i)).p50);
  return summarize(medians).p99;
}

/** The heap a catalog holds: measured with it, then without it, collected both times. */
function heldBy(gc: (() => void) | undefined, build: () => Catalog): number {
  let catalog: Catalog | undefined = build();
  const withIt = heapMb(gc);
  if (catalog.list.papers.length === 0) throw new Error("empty catalog");
  catalog = undefined;
  return withIt - heapMb(gc);
}

const heapMb = (gc: (() => void) | undefined) => {
  gc?.();
  gc?.();
  return process.memoryUsage().heapUsed / 1024 / 1024;
};

/**
 * The lists: every paper a unique synthetic row with its own arXiv id; a tenth
 * of each list drawn from a pool other lists draw from too; a few papers per
 * list renamed to a name another list uses for a different paper. Half of the
 * papers carry the full title and authors, as bullet lists give them.
 */
export function manyLists(plan: ManyListsPlan, seed: number): ListVersion[] {
  const rng = new Prng(seed ^ 0x11575);
  const sharedPool = Math.round((plan.lists * plan.perList * plan.shared) / 2);
  const own = plan.perList - Math.round(plan.perList * plan.shared);
  const rows = syntheticRows(plan.lists * own + sharedPool, seed);
  const universe = parseList(writeListMarkdown(rows, seed)).papers;
  const records = syntheticRecords(universe, seed);
  const papers = universe.map((p, n): Paper => {
    const record = records.get(p.id);
    const given: Paper = { ...p, links: { ...p.links, paper: `https://arxiv.org/abs/${2100 + (n % 400)}.${String(10000 + n).padStart(5, "0")}` } };
    if (record?.title && rng.chance(0.5)) {
      given.title = record.title;
      if (record.authors?.length) given.authors = record.authors;
    }
    return given;
  });
  const pool = papers.slice(plan.lists * own);
  const versions: ListVersion[] = [];
  for (let l = 0; l < plan.lists; l++) {
    const mine = papers.slice(l * own, (l + 1) * own);
    const borrowed = rng.shuffle(pool).slice(0, plan.perList - own);
    const listPapers = rng.shuffle([...mine, ...borrowed]);
    // Different papers, one name: a paper of this list named as one of another list (its own arXiv id kept).
    if (l > 0) {
      for (let c = 0; c < plan.collisions; c++) {
        const at = listPapers.findIndex((p) => mine.includes(p) && !p.title);
        const other = rng.pick(papers.slice(0, l * own));
        if (at < 0) break;
        const renamed = { ...(listPapers[at] as Paper), id: other.id, name: other.name, aliases: other.aliases };
        listPapers[at] = renamed;
        mine.splice(mine.indexOf(listPapers[at] as Paper), 1);
      }
    }
    const list: PaperList = { papers: listPapers, software: [], legend: [], warnings: [], duplicates: [] };
    versions.push({ id: `list${l}`, list, hash: `h${l}`, loadedAt: new Date(0) });
  }
  return versions;
}

/** The list-given titles and authors as the query builder reads them (it labels title and author queries from records). */
function listGivenRecords(papers: readonly Paper[]): PaperRecords {
  const out = new Map<string, PaperRecord>();
  for (const p of papers) if (p.title) out.set(p.id, { title: p.title, ...(p.authors ? { authors: p.authors } : {}), ids: {}, origins: {}, fetchedAt: "2026-11-01T00:00:00.000Z" });
  return out;
}

function kindOf(q: LabelledQuery): ManyKind | undefined {
  if (q.kind === "exact" || q.kind === "prefix" || q.kind === "title") return q.kind;
  if (q.kind === "typo1" || q.kind === "typo2") return "typo";
  return undefined;
}

export function measureManyLists(plan: ManyListsPlan, seed: number, progress: (msg: string) => void): ManyListsResult {
  const gc = exposeGc();
  progress(`many lists: ${plan.lists} lists of ${plan.perList.toLocaleString("en")} papers (generating)`);
  const versions = manyLists(plan, seed);
  const first = versions[0] as ListVersion;
  const oneMb = heldBy(gc, () => Catalog.ofLists([first]));
  const manyMb = heldBy(gc, () => Catalog.ofLists(versions));
  const one = Catalog.ofLists([first]);
  const many = Catalog.ofLists(versions);
  const merged = { papers: many.list.papers.length, collided: many.list.papers.filter((p) => p.id.includes("@")).length, onSeveral: many.list.papers.filter((p) => (p.lists?.length ?? 0) > 1).length };
  progress(`many lists: merged ${merged.papers} papers (${merged.onSeveral} on several lists, ${merged.collided} "<name>@<list>")`);

  // The same queries on both: made from the first list's papers, which keep their ids in the merge.
  const queries = labelledQueries(first.list.papers, plan.targets, seed, listGivenRecords(first.list.papers));
  const byKind: ManyListsResult["byKind"] = [];
  for (const kind of KINDS) {
    const sample = kind === "autocomplete" ? queries.filter((q) => kindOf(q) !== undefined || q.kind === "words") : queries.filter((q) => kindOf(q) === kind);
    const time = (catalog: Catalog) => timeEach(sample, kind === "autocomplete" ? (q) => catalog.index.suggest(q.query, 25) : (q) => resolvePaper(catalog.index, q.query), { warmup: 1, reps: plan.reps });
    const [a, b] = [time(one), time(many)];
    byKind.push({ kind, n: sample.length, one: summarize(a), many: summarize(b), steady: { one: steadyP99(a, sample.length), many: steadyP99(b, sample.length) } });
  }

  progress("many lists: swapping in a new version of one list (merge + index)");
  const changed = (v: ListVersion, n: number): PaperList => ({ ...v.list, papers: v.list.papers.map((p, i) => (i % 50 === 0 ? { ...p, year: (p.year ?? 2020) + 1 + n } : p)) });
  let version = 0;
  const third = versions[3] as ListVersion;
  const rebuildOne = timeRuns(() => one.replaceList(first.id, changed(first, version), `x${++version}`), { warmup: 1, reps: plan.rebuildReps });
  heapMb(gc);
  const start = process.memoryUsage().heapUsed;
  many.replaceList(third.id, changed(third, 0), "y0");
  const rebuildAllocMb = Math.max(0, (process.memoryUsage().heapUsed - start) / 1024 / 1024);
  const rebuildMany = timeRuns(() => many.replaceList(third.id, changed(third, version), `y${++version}`), { warmup: 1, reps: plan.rebuildReps });
  return { plan, merged, byKind, rebuild: { one: rebuildOne, many: rebuildMany }, heap: { oneMb, manyMb, rebuildAllocMb } };
}

/** The figures: each kind's p99 on ten lists beside one list, the rebuild's time, and the heap the merged catalog holds. */
export function manyListsFigures(r: ManyListsResult): Figure[] {
  const size = `${r.plan.lists} x ${r.plan.perList.toLocaleString("en")}`;
  const base = `one list of ${r.plan.perList.toLocaleString("en")}, same queries`;
  const figures: Figure[] = r.byKind.map((k) => ({
    metric: `${r.plan.lists} lists: ${k.kind === "autocomplete" ? "autocomplete" : `lookup (${k.kind})`} p99 (${k.n} queries)`,
    size,
    ours: k.many.p99,
    baseline: k.one.p99,
    unit: "ms",
    better: "lower",
    baselineLabel: `${base}; steady p99 (each query's median) ${k.steady.many.toFixed(3)} ms, one list ${k.steady.one.toFixed(3)} ms`,
    target: { text: "p99 <= 1 ms", met: k.many.p99 <= 1 },
  }));
  figures.push(
    { metric: `${r.plan.lists} lists: swap in one list's new version (merge + index)`, size, ours: r.rebuild.many.p50, baseline: r.rebuild.one.p50, unit: "ms", better: "lower", baselineLabel: `the same with one list of ${r.plan.perList.toLocaleString("en")}` },
    { metric: `${r.plan.lists} lists: heap held by the merged catalog`, size, ours: r.heap.manyMb, baseline: r.heap.oneMb, unit: "MB", better: "lower", baselineLabel: `one list of ${r.plan.perList.toLocaleString("en")}; one swap allocates ${r.heap.rebuildAllocMb.toFixed(0)} MB before collection` },
  );
  return figures;
}

/** Side by side, kind by kind: p50 / p99 on one list and on the merged lists. */
export function manyListsTable(r: ManyListsResult): string {
  const f = (x: number) => x.toFixed(3);
  const lines = [
    `${r.plan.lists} lists of ${r.plan.perList.toLocaleString("en")} merged: ${r.merged.papers.toLocaleString("en")} papers, ${r.merged.onSeveral} on several lists, ${r.merged.collided} named like a different paper of another list`,
    "| kind | queries | one list p50 / p99 (ms) | merged lists p50 / p99 (ms) |",
    "| --- | --- | --- | --- |",
    ...r.byKind.map((k) => `| ${k.kind} | ${k.n} | ${f(k.one.p50)} / ${f(k.one.p99)} (steady ${f(k.steady.one)}) | ${f(k.many.p50)} / ${f(k.many.p99)} (steady ${f(k.steady.many)}) |`),
    `| swap one list (merge + index) | | ${r.rebuild.one.p50.toFixed(1)} ms | ${r.rebuild.many.p50.toFixed(1)} ms |`,
    `| heap held | | ${r.heap.oneMb.toFixed(1)} MB | ${r.heap.manyMb.toFixed(1)} MB |`,
  ];
  return lines.join("\n");
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const quick = process.argv.includes("--quick");
  const result = measureManyLists(quick ? MANY_LISTS_QUICK : MANY_LISTS, 20240607, (msg) => process.stderr.write(`  … ${msg}\n`));
  process.stdout.write(`${manyListsTable(result)}\n`);
}
