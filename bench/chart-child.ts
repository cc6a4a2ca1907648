// Run in a fresh process by chart.ts: the list loaded as the bot holds it, then
// the `stats` chart drawn once (starting the chart process, which loads the chart
// libraries) and `reps` times more, each with another title so that none comes
// from the cache; prints times, RSS around the charts and the PNG's size.
// Every RSS figure is the bot's process and the chart process together: drawing
// in a process of its own moves the memory, it does not make it free.
import { readFileSync } from "node:fs";
import { barSpec } from "../src/charts/bar-spec.js";
import type { ChartInput } from "../src/charts/chart-input.js";
import { chartProcessUsage, chartShape, renderChart, stopChartWorker } from "../src/charts/render-chart.js";
import { renderPng } from "../src/charts/render-png.js";
import { renderSvg } from "../src/charts/render-svg.js";
import { statsPanel } from "../src/commands/stats-chart.js";
import { parseList } from "../src/papers/index.js";

const [file = "", repsText = "20"] = process.argv.slice(2);
const reps = Number(repsText);
const list = parseList(readFileSync(file, "utf8"));
const chartOf = (n: number): ChartInput => ({ title: `MSS-Papers in numbers: ${list.papers.length} papers (${n})`, panels: [statsPanel(list, "year"), statsPanel(list, "venue")] });
const input = chartOf(0);
const mb = (bytes: number) => bytes / (1024 * 1024);
const settle = async () => {
  globalThis.gc?.();
  await new Promise((resolve) => setTimeout(resolve, 300));
  return mb(process.memoryUsage().rss);
};

const before = await settle();
// resourceUsage().maxRSS is the process's peak so far (KiB): it catches resvg's pixmap, freed before a sample could see it.
const peakBefore = process.resourceUsage().maxRSS / 1024;
let started = performance.now();
const first = await renderChart(input);
const coldMs = performance.now() - started;
const chartRss = () => mb(chartProcessUsage()?.rss ?? 0);
const chartPeak = () => mb(chartProcessUsage()?.peakRss ?? 0);
const peakCold = process.resourceUsage().maxRSS / 1024 + chartPeak();
const afterFirst = (await settle()) + chartRss();

const total: number[] = [];
// CPU time per chart of the bot's process and the chart process, every thread of both: what a chart costs whatever else the machine runs.
const cpu: number[] = [];
let sampled = afterFirst;
for (let i = 0; i < reps; i++) {
  started = performance.now();
  const used = process.cpuUsage();
  const chartUsed = chartProcessUsage()?.cpuMicros ?? 0;
  await renderChart(chartOf(i + 1));
  total.push(performance.now() - started);
  const spent = process.cpuUsage(used);
  cpu.push((spent.user + spent.system + (chartProcessUsage()?.cpuMicros ?? 0) - chartUsed) / 1000);
  sampled = Math.max(sampled, mb(process.memoryUsage().rss) + chartRss());
}
const peakWarm = process.resourceUsage().maxRSS / 1024 + chartPeak();
const after = (await settle()) + chartRss();
// As after WORKER_IDLE_MS without a chart: the chart process ends, and its memory with it.
await stopChartWorker();
const afterWorker = await settle();

// The two stages apart, in this thread, after the memory figures are taken.
const svg: number[] = [];
const png: number[] = [];
for (let i = 0; i < Math.min(reps, 10); i++) {
  started = performance.now();
  const drawn = await renderSvg(barSpec(chartShape(input)));
  svg.push(performance.now() - started);
  started = performance.now();
  await renderPng(drawn, 2);
  png.push(performance.now() - started);
}
process.stdout.write(
  JSON.stringify({
    papers: list.papers.length,
    coldMs,
    total,
    cpu,
    svg,
    png,
    rss: { before, afterFirst, after, afterWorker, warmPeak: Math.max(sampled, peakWarm), peakBefore, peakCold },
    pngBytes: first.png.byteLength,
    width: first.width,
    height: first.height,
  }),
);
