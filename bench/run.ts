// `npm run bench`: synthetic lists of 1,000, 10,000 and 50,000 papers, our
// core beside plain fuse.js (and micromark, a GFM parser the core does not use) in the same run.
// Prints the figures table and writes bench/results.json.
// Also ten lists of 2,000 papers merged, beside one (bench/many-lists.ts).
// Flags: --quick (1,000 and 10,000 papers only; fan-out to 1,000 channels only; the chart of the bundled list only, 10 times),
// --full (also the slow generic parse at 50,000, and two delivering processes on one file).
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { diffLists, parseList } from "../src/papers/index.js";
import { timeToReady } from "./cold-start.js";
import { parseWithGenericGfm } from "./gfm-baseline.js";
import { blockPass } from "./parser-floor.js";
import { chartFigures, measureCharts, type ChartBench } from "./chart.js";
import { imageMallocEnv, measureDiscordMemory, type DiscordMemory } from "./discord-memory.js";
import { fanOutTable, measureFanOut, type FanOutResult } from "./fan-out.js";
import { buildMemoryChild, measureMemory } from "./memory.js";
import { measureSlackBurst, slackBurstTable, type BurstResult } from "./slack-burst.js";
import { measureTwoProcesses, twoProcessesLine, type TwoProcessRun } from "./two-processes.js";
import { figuresTable, type Figure } from "./report.js";
import { independentTable, measureIndependent, type MixPlan, type MixResult } from "./independent-figures.js";
import { kindsTable } from "./search-kinds.js";
import { listShapesFigures, listShapesTable, measureListShapes } from "./list-shapes.js";
import { MANY_LISTS, MANY_LISTS_QUICK, manyListsFigures, manyListsTable, measureManyLists, type ManyListsResult } from "./many-lists.js";
import { measureSize, type SizePlan, type SizeResult } from "./size-figures.js";
import { nextVersion, syntheticRows, writeListMarkdown } from "./synthetic-list.js";
import { summarize, timeRuns } from "./timing.js";
import { distIsFresh } from "./dist-fresh.js";

const SEED = 20240607;
const args = new Set(process.argv.slice(2));
const quick = args.has("--quick");
// --quick: plain fuse.js (a fifth of a second a query at 10,000 papers) answers a sample of the queries.
const PLANS: SizePlan[] = [
  { papers: 1_000, targets: 150, reps: quick ? 10 : 20, parseReps: quick ? 3 : 5, baselineParse: true, perKind: 150, ...(quick ? { fuseSample: 20, baselineSample: 100 } : {}) },
  { papers: 10_000, targets: 80, reps: quick ? 15 : 30, parseReps: quick ? 3 : 5, baselineParse: !quick, perKind: 30, ...(quick ? { fuseSample: 4, baselineSample: 20 } : {}) },
  { papers: 50_000, targets: 24, reps: 40, parseReps: 2, baselineParse: args.has("--full"), perKind: 10 },
].filter((p) => !quick || p.papers <= 10_000);
// The independent mix (bench/independent-mix.ts): three seeds at 1,000 and 10,000 papers (two at 10,000 with --quick), ours on every query, the peers on a sample.
const MIX_PLANS: MixPlan[] = [
  { papers: 1_000, seeds: [1, 2, 3], targets: quick ? 100 : 200, reps: quick ? 5 : 10, peerSample: quick ? 30 : 60, fuseSample: quick ? 8 : 20 },
  // --quick: two seeds at 10,000 (each builds ours and three peers' indexes of 10,000 papers); the full run, three.
  { papers: 10_000, seeds: quick ? [1, 2] : [1, 2, 3], targets: quick ? 100 : 200, reps: quick ? 5 : 10, peerSample: quick ? 30 : 60, fuseSample: quick ? 2 : 8 },
];

const progress = (msg: string) => process.stderr.write(`  … ${msg}\n`);
const loadAtStart = loadavg()[0] ?? 0;
const figures: Figure[] = [];
const sizes: SizeResult[] = [];
const work = mkdtempSync(join(tmpdir(), "mss-bench-"));

try {
  let tenThousand: { rows: ReturnType<typeof syntheticRows>; markdown: string; file: string } | undefined;
  for (const plan of PLANS) {
    const rows = syntheticRows(plan.papers, SEED);
    const markdown = writeListMarkdown(rows, SEED);
    const file = join(work, `papers-${plan.papers}.md`);
    writeFileSync(file, markdown);
    if (plan.papers === 10_000) tenThousand = { rows, markdown, file };
    const r = measureSize(plan, markdown, SEED, progress);
    sizes.push(r);
    const n = plan.papers.toLocaleString("en");
    const fast = plan.papers >= 50_000 ? 5 : 1;
    const timeTarget = (ours: number, base: number) =>
      plan.papers === 1_000 ? undefined : plan.papers >= 50_000 ? { text: "p99 <= 5 ms", met: ours <= 5 } : { text: "p99 <= 1 ms, >= 20x", met: ours <= fast && base / ours >= 20 };
    figures.push(
      { metric: "parse the list", size: n, ours: r.parse.ours.p50, baseline: r.parse.baseline?.p50 ?? null, unit: "ms", better: "lower", baselineLabel: r.parse.baseline ? "micromark + GFM" : quick ? "not run (--quick)" : "not run (--full)" },
      { metric: "build the index (names, titles, authors)", size: n, ours: r.build.ours.p50, baseline: r.build.baseline.p50, unit: "ms", better: "lower", baselineLabel: "new Fuse, names only" },
      { metric: "  peers' indexes (name, title, authors, venue)", size: n, ours: r.build.ours.p50, baseline: r.peerBuild.p50, unit: "ms", better: "lower", baselineLabel: "minisearch + flexsearch + fuse.js" },
      { metric: "lookup p50", size: n, ours: r.lookup.ours.p50, baseline: r.lookup.baseline.p50, unit: "ms", better: "lower", baselineLabel: "fuse.search" },
      { metric: "lookup p99", size: n, ours: r.lookup.ours.p99, baseline: r.lookup.baseline.p99, unit: "ms", better: "lower", baselineLabel: "fuse.search", target: timeTarget(r.lookup.ours.p99, r.lookup.baseline.p99) },
      { metric: "autocomplete p50", size: n, ours: r.autocomplete.ours.p50, baseline: r.autocomplete.baseline.p50, unit: "ms", better: "lower", baselineLabel: "fuse.search limit 25" },
      { metric: "autocomplete p99", size: n, ours: r.autocomplete.ours.p99, baseline: r.autocomplete.baseline.p99, unit: "ms", better: "lower", baselineLabel: "fuse.search limit 25", target: timeTarget(r.autocomplete.ours.p99, r.autocomplete.baseline.p99) },
      { metric: `top-1 right (${r.queries} queries)`, size: n, ours: r.accuracy.ours, baseline: r.accuracy.baseline, unit: "%", better: "higher", baselineLabel: "fuse.search", target: { text: ">= baseline", met: r.accuracy.ours >= r.accuracy.baseline } },
    );
  }

  const mixes: MixResult[] = [];
  for (const plan of MIX_PLANS) {
    const mix = measureIndependent(plan, progress);
    mixes.push(mix);
    const all = mix.rows.find((r) => r.kind === "all");
    const n = plan.papers.toLocaleString("en");
    if (all) {
      const best = Math.max(...all.peers.map((p) => p.right));
      const bestLabel = all.peers.find((p) => p.right === best)?.label ?? "";
      // Every kind, on the same queries: ours on each peer's sample.
      const behind = mix.rows.filter((r) => r.peers.some((p) => p.ours < p.right)).map((r) => r.kind);
      figures.push({
        metric: `independent mix: top-1 right (${all.n} queries, ${plan.seeds.length} seeds)`,
        size: n,
        ours: all.ours.right,
        baseline: best,
        unit: "%",
        better: "higher",
        baselineLabel: `best peer, ${bestLabel} (${all.peers.find((p) => p.label === bestLabel)?.n ?? 0} queries)`,
        target: { text: ">= 95 %, every kind >= best peer", met: all.ours.right >= 95 && behind.length === 0 },
      });
      const slowest = Math.max(...mix.rows.filter((r) => r.kind !== "all").map((r) => Math.max(r.ours.lookup.p99, r.ours.suggest.p99)));
      const steady = Math.max(...mix.rows.filter((r) => r.kind !== "all").map((r) => Math.max(r.ours.steady.lookup, r.ours.steady.suggest)));
      figures.push({
        metric: "independent mix: slowest kind's p99 (lookup, autocomplete)",
        size: n,
        ours: slowest,
        baseline: steady,
        unit: "ms",
        better: "lower",
        baselineLabel: "ours, steady p99: each query's median pass",
        target: plan.papers === 10_000 ? { text: "p99 <= 1 ms", met: slowest <= 1 } : undefined,
      });
    }
  }

  // Ten followed lists of 2,000 papers merged into one catalog, beside one list of 2,000 (issue 23).
  const manyLists: ManyListsResult = measureManyLists(quick ? MANY_LISTS_QUICK : MANY_LISTS, SEED, progress);
  figures.push(...manyListsFigures(manyLists));

  let diff: { ours: ReturnType<typeof summarize>; baseline: number | null; sync: ReturnType<typeof summarize>; floor: ReturnType<typeof summarize> } | undefined;
  let memory: Record<string, ReturnType<typeof measureMemory>> | undefined;
  if (tenThousand) {
    progress("10,000: parse + diff of two versions");
    const next = writeListMarkdown(nextVersion(tenThousand.rows, SEED), SEED + 1);
    const changes = diffLists(parseList(tenThousand.markdown), parseList(next));
    progress(`diff: ${changes.added.length} added, ${changes.removed.length} removed, ${changes.changed.length} changed`);
    const ours = timeRuns(() => diffLists(parseList(tenThousand.markdown), parseList(next)), { warmup: 1, reps: quick ? 2 : 5 });
    const genericFirst = sizes.find((s) => s.papers === 10_000)?.parse.baseline?.p50;
    const baseline = genericFirst === undefined ? null : genericFirst + timeRuns(() => parseWithGenericGfm(next), { warmup: 0, reps: 1 }).p50;
    // A sync diffs against the list commands already answer from, so it parses only the new version.
    const previous = parseList(tenThousand.markdown);
    const sync = timeRuns(() => diffLists(previous, parseList(next)), { warmup: 1, reps: quick ? 3 : 7 });
    const floor = timeRuns(() => blockPass(tenThousand.markdown) + blockPass(next), { warmup: 1, reps: quick ? 3 : 7 });
    diff = { ours, baseline, sync, floor };
    figures.push(
      { metric: "parse + diff two versions", size: "10,000", ours: ours.p50, baseline, unit: "ms", better: "lower", baselineLabel: "micromark + GFM parse of both", target: { text: "<= 200 ms", met: ours.p50 <= 200 } },
      { metric: "  of which the parser's block pass", size: "10,000", ours: floor.p50, baseline: null, unit: "ms", better: "lower", baselineLabel: "markdown-it block pass alone, both versions" },
      { metric: "sync: parse the new version + diff", size: "10,000", ours: sync.p50, baseline: ours.p50, unit: "ms", better: "lower", baselineLabel: "parsing both versions (above)" },
    );

    progress("memory after loading 10,000 papers (fresh processes)");
    const child = await buildMemoryChild();
    // --quick: the two floors (bare node, node with its imports) from 2 processes each; the figures compared, from 3.
    const bare = measureMemory("bare", child, tenThousand.file, quick ? 2 : 5);
    const empty = measureMemory("empty", child, tenThousand.file, quick ? 2 : 5);
    const fuse = measureMemory("fuse", child, tenThousand.file, quick ? 3 : 5);
    const loaded = measureMemory("ours", child, tenThousand.file, quick ? 3 : 5);
    figures.push(
      { metric: "RSS after load (with records)", size: "10,000", ours: loaded.rssMb, baseline: fuse.rssMb, unit: "MB", better: "lower", baselineLabel: `plain fuse; empty node ${bare.rssMb.toFixed(0)} MB, node + its imports ${empty.rssMb.toFixed(0)} MB`, target: { text: "<= 150 MB", met: loaded.rssMb <= 150 } },
      { metric: "heap after load (with records)", size: "10,000", ours: loaded.heapMb, baseline: fuse.heapMb, unit: "MB", better: "lower", baselineLabel: `plain fuse; empty node ${bare.heapMb.toFixed(1)} MB, node + its imports ${empty.heapMb.toFixed(1)} MB` },
      { metric: "cold read at load, off the main thread", size: "10,000", ours: loaded.readMs ?? Number.NaN, baseline: fuse.readMs, unit: "ms", better: "lower", baselineLabel: "parseList in the main thread, which it blocks" },
    );
    memory = { bare, empty, fuse, ours: loaded };
  }

  // Lists of every shape (issue 23): a 2,000-item bullet list, a 2,000-row Date|Title|Paper|Code table and real READMEs, beside the MSS list.
  const listShapes = await measureListShapes(progress, quick);
  figures.push(...listShapesFigures(listShapes.rows));

  // The `stats` chart: one render's time and what it adds to RSS, in a fresh process per list.
  const chartLists = [{ label: "25 (bundled)", file: fileURLToPath(new URL("../data/papers.md", import.meta.url)) }];
  if (tenThousand && !args.has("--quick")) chartLists.push({ label: "10,000", file: tenThousand.file });
  const charts: ChartBench[] = await measureCharts(chartLists, args.has("--quick") ? 10 : 30, progress);
  figures.push(...chartFigures(charts));

  progress("memory: 10,000 commands through the Discord adapter (a fresh bot process as the Docker image runs it, idle figure first)");
  const discordMemory: DiscordMemory = await measureDiscordMemory(10_000, 16, progress, undefined, imageMallocEnv());
  progress("memory: the same as `npm start` runs it (glibc's default malloc thresholds)");
  const discordNpmStart: DiscordMemory = await measureDiscordMemory(10_000, 16, progress);
  // --quick: the comparison run under Node's default flags is left out (it is a baseline, not a target).
  const discordDefaults: DiscordMemory | null = quick ? null : (progress("memory: the same with Node's default flags (the young generation at V8's default size)"), await measureDiscordMemory(10_000, 16, progress, [], imageMallocEnv()));
  const idle = (m: DiscordMemory) => `idle after login ${m.idle.rssMb.toFixed(0)} MB RSS, ${m.idle.heapMb.toFixed(1)} MB heap`;
  figures.push(
    {
      metric: "RSS after 10,000 Discord commands (Docker image)",
      size: "25 (bundled)",
      ours: discordMemory.loaded.rssMb,
      baseline: discordNpmStart.loaded.rssMb,
      unit: "MB",
      better: "lower",
      baselineLabel: `npm start, glibc's default malloc thresholds (ours ${idle(discordMemory)}; npm start ${idle(discordNpmStart)})`,
      target: { text: "<= 150 MB", met: discordMemory.loaded.rssMb <= 150 },
    },
    ...(discordDefaults
      ? [{ metric: "RSS after 10,000 Discord commands, Node's default flags", size: "25 (bundled)", ours: discordMemory.loaded.rssMb, baseline: discordDefaults.loaded.rssMb, unit: "MB" as const, better: "lower" as const, baselineLabel: `the image's settings under Node's default flags (${idle(discordDefaults)})` }]
      : []),
    { metric: "heap after 10,000 Discord commands", size: "25 (bundled)", ours: discordMemory.loaded.heapMb, baseline: discordMemory.idle.heapMb, unit: "MB", better: "lower", baselineLabel: `the same bot process idle after login (${discordMemory.idle.heapMb.toFixed(1)} MB heap)` },
  );

  // One announcement to many channels against a Discord REST at +50 ms and 50 requests/s; one-at-a-time measured on a sample.
  const fanOut: FanOutResult[] = await measureFanOut(quick ? [1_000] : [1_000, 5_000], quick ? 50 : 1_000, progress);
  for (const r of fanOut) {
    figures.push({
      metric: "fan-out: one announcement to every channel",
      size: `${r.channels.toLocaleString("en")} channels`,
      ours: r.concurrent.ms,
      baseline: r.sequential.estimatedMs,
      unit: "ms",
      better: "lower",
      baselineLabel: `one row at a time (${r.sequential.sample} channels measured); floor ${(r.floorMs / 1000).toFixed(0)} s`,
      target: { text: "<= 1.5x the floor", met: r.concurrent.ms <= 1.5 * r.floorMs },
    });
  }

  // A burst into one Slack channel that allows one post per second, beside the policy before issue 21 (capped).
  const slackBurst: BurstResult = await measureSlackBurst(args.has("--quick") ? 30_000 : 90_000, progress);
  const before = slackBurst.before;
  figures.push({
    metric: "slack burst: 30 posts into one channel, all visible",
    size: "30 posts",
    ours: slackBurst.ours.ms,
    baseline: before.ms,
    unit: "ms",
    better: "lower",
    baselineLabel: `before issue 21 (30 s floor over Retry-After, no pacing): ${before.posted} of 30 ${before.capped ? "by the cap" : "in that time"}; floor ${(slackBurst.floorMs / 1000).toFixed(0)} s`,
    target: { text: "<= 1.5x the floor", met: !slackBurst.ours.capped && slackBurst.ours.ms <= 1.5 * slackBurst.floorMs },
  });

  // Two deliverers on one file, every first post failing once (about 3 minutes): --full only.
  const twoProcesses: TwoProcessRun | null = args.has("--full") ? await measureTwoProcesses(360_000, progress) : null;

  // As after `npm install` (its prepare script compiles): bin/start.js runs dist/ only while it is newer than the sources.
  if (distIsFresh()) progress("dist/ is newer than every source: not compiled again");
  else {
    progress("compiling dist/ as npm install does");
    execFileSync("npm", ["run", "--silent", "build"], { cwd: fileURLToPath(new URL("../", import.meta.url)), stdio: "inherit" });
  }
  progress("console cold start on the bundled list");
  const starts: number[] = [];
  const bareStarts: number[] = [];
  for (let i = 0; i < 6; i++) {
    starts.push(await timeToReady(["bin/start.js"], "mss-bot console"));
    bareStarts.push(await timeToReady(["-e", ""], null));
  }
  const start = summarize(starts);
  const bareStart = summarize(bareStarts);
  figures.push({ metric: "console ready (median of 6)", size: "25 (bundled)", ours: start.p50, baseline: bareStart.p50, unit: "ms", better: "lower", baselineLabel: 'node -e ""', target: { text: "<= 1 s", met: start.p50 <= 1000 } });

  const table = figuresTable(figures);
  const load = [loadAtStart, loadavg()[0] ?? 0];
  process.stdout.write(`\nmss-bot benchmark (${process.version}, ${cpus().length} cores, load average ${load.map((l) => l.toFixed(1)).join(" -> ")}; ratios are what count)\n\n${table}\n\n`);
  for (const s of sizes) {
    const kinds = Object.entries(s.accuracy.byKind).map(([k, v]) => `${k} ${v.ours.toFixed(0)}/${v.baseline.toFixed(0)} (${v.n})`);
    process.stdout.write(`top-1 by kind at ${s.papers} papers, ours/baseline % (queries): ${kinds.join(", ")}\n`);
  }
  process.stdout.write("\nSearch by kind: first answer right, and time per call, ours beside the peers on the same queries\n");
  for (const s of sizes) {
    const slowest = Math.max(...s.byKind.map((k) => Math.max(k.ours.lookup.p99, k.ours.suggest.p99)));
    const target = s.papers === 10_000 ? ` — slowest kind's p99 ${slowest.toFixed(3)} ms, target <= 1 ms ${slowest <= 1 ? "✓" : "✗ MISSED"}` : "";
    process.stdout.write(`\n${kindsTable(s.papers, s.byKind)}\n${target ? `${target.slice(3)}\n` : ""}`);
  }
  process.stdout.write("\nIndependent mix (bench/independent-mix.ts, never tuned on): first answer right by its rule, ours beside the peers kind by kind\n");
  for (const mix of mixes) process.stdout.write(`\n${independentTable(mix)}\n`);
  process.stdout.write(`\n${listShapesTable(listShapes.rows, listShapes.compiledWorker)}\n`);
  process.stdout.write(`\nSeveral lists: the same queries on one list and on ten merged (bench/many-lists.ts)\n\n${manyListsTable(manyLists)}\n`);
  process.stdout.write(`\n${fanOutTable(fanOut)}\n`);
  process.stdout.write(`\n${slackBurstTable(slackBurst)}\n`);
  if (twoProcesses) process.stdout.write(`\n${twoProcessesLine(twoProcesses)}\n`);
  const results = { node: process.version, cores: cpus().length, loadAverage: load, seed: SEED, figures, sizes, independent: mixes, manyLists, diff, memory: memory ?? null, listShapes, charts, discordMemory, discordNpmStart, discordDefaults, fanOut, slackBurst, twoProcesses, coldStart: { runs: starts, bareRuns: bareStarts } };
  writeFileSync(fileURLToPath(new URL("./results.json", import.meta.url)), `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write("\nwrote bench/results.json\n");
} finally {
  rmSync(work, { recursive: true, force: true });
}
