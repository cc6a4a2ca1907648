import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import type { Figure } from "./report.js";
import { startFlags } from "./start-flags.js";
import { summarize } from "./timing.js";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const CHILD = fileURLToPath(new URL("./chart-child.ts", import.meta.url));
const CHART_WORKER = fileURLToPath(new URL("../src/charts/chart-worker.ts", import.meta.url));
const PNG_WORKER = fileURLToPath(new URL("../src/charts/png-worker.ts", import.meta.url));

interface ChildResult {
  papers: number;
  coldMs: number;
  total: number[];
  cpu: number[];
  svg: number[];
  png: number[];
  /** MB: settled before the first chart, after it and after all; the highest RSS of the first chart and of the later ones. */
  rss: { before: number; afterFirst: number; after: number; afterWorker: number; warmPeak: number; peakBefore: number; peakCold: number };
  pngBytes: number;
  width: number;
  height: number;
}

export interface ChartBench extends ChildResult {
  list: string;
}

/** The chart child bundled to plain JavaScript (packages left as imports), run by bare node as the compiled bot runs; the chart process entry beside it, where render-chart.ts looks. */
async function buildChartChild(): Promise<string> {
  const outdir = join(ROOT, "node_modules", ".cache", "mss-bot-bench-chart");
  await build({ entryPoints: { "chart-child": CHILD, "chart-worker": CHART_WORKER, "png-worker": PNG_WORKER }, outdir, bundle: true, format: "esm", platform: "node", packages: "external", logLevel: "silent" });
  return join(outdir, "chart-child.js");
}

/** The `stats` chart of each list drawn in a fresh process with the flags of `npm start`: time per chart and what rendering adds to RSS. */
export async function measureCharts(lists: Array<{ label: string; file: string }>, reps: number, progress: (msg: string) => void): Promise<ChartBench[]> {
  const child = await buildChartChild();
  return lists.map(({ label, file }) => {
    progress(`chart: the stats chart of ${label}, once cold and ${reps} times warm`);
    const out = execFileSync(process.execPath, ["--expose-gc", ...startFlags(), child, file, String(reps)], { cwd: ROOT, encoding: "utf8", maxBuffer: 1 << 20 });
    return { list: label, ...(JSON.parse(out) as ChildResult) };
  });
}

/** The figures: warm p50/p99 against 300 ms, the first chart (library load) beside it, and the RSS rendering adds against 40 MB. */
export function chartFigures(runs: ChartBench[]): Figure[] {
  return runs.flatMap((r) => {
    const total = summarize(r.total);
    const svg = summarize(r.svg);
    const png = summarize(r.png);
    const cpu = summarize(r.cpu);
    // While rendering: the highest RSS the later charts reached over the settled RSS before them; the first chart also loads the libraries.
    const warmAdds = Math.max(0, r.rss.warmPeak - r.rss.afterFirst);
    const firstAdds = r.rss.peakCold - r.rss.before;
    return [
      { metric: "chart: stats PNG, one render p50", size: r.list, ours: total.p50, baseline: svg.p50, unit: "ms", better: "lower", baselineLabel: `of which Vega-Lite -> SVG p50; SVG -> PNG p50 ${png.p50.toFixed(1)} ms` },
      { metric: "chart: stats PNG, one render p99", size: r.list, ours: total.p99, baseline: r.coldMs, unit: "ms", better: "lower", baselineLabel: "the first chart of a process, starting the chart process, which loads vega, vega-lite and resvg", target: { text: "<= 300 ms", met: total.p99 <= 300 } },
      { metric: "chart: CPU time per render p50", size: r.list, ours: cpu.p50, baseline: null, unit: "ms", better: "lower", baselineLabel: "the bot's process and the chart process: the cost whatever the machine's load" },
      { metric: "chart: RSS added while rendering", size: r.list, ours: warmAdds, baseline: firstAdds, unit: "MB", better: "lower", baselineLabel: `the first chart, which loads the libraries (RSS ${r.rss.before.toFixed(0)} -> peak ${r.rss.peakCold.toFixed(0)} MB; settled ${r.rss.afterFirst.toFixed(0)} MB after it, ${r.rss.after.toFixed(0)} MB after all, ${r.rss.afterWorker.toFixed(0)} MB once the chart process ended; the bot and the chart process together)`, target: { text: "<= 40 MB", met: warmAdds <= 40 } },
      { metric: "chart: PNG size", size: r.list, ours: r.pngBytes / 1024 / 1024, baseline: null, unit: "MB", better: "lower", baselineLabel: `${r.width}x${r.height} px, ${(r.pngBytes / 1024).toFixed(0)} KiB (Discord takes 10 MiB)`, target: { text: "<= 8 MiB", met: r.pngBytes <= 8 * 1024 * 1024 } },
    ] satisfies Figure[];
  });
}
