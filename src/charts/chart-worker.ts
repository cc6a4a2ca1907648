// The chart process: draws charts for the bot (render-chart.ts), one message
// per chart. Vega and Vega-Lite load here, in a process of its own, never in
// the bot's: their memory and resvg's native buffers are the chart process's,
// and all of it goes back when this process ends (each PNG is drawn in a worker
// thread of its own, render-png.ts). Each answer says what this process holds
// and has spent, so a measurement can count it beside the bot's.
import { drawChart } from "./draw-chart.js";
import type { ChartInput } from "./chart-input.js";

const usage = () => {
  const cpu = process.cpuUsage();
  return { rss: process.memoryUsage().rss, peakRss: process.resourceUsage().maxRSS * 1024, cpuMicros: cpu.user + cpu.system };
};

process.on("message", (job: { id: number; input: ChartInput }) => {
  drawChart(job.input).then(
    (chart) => process.send?.({ id: job.id, ok: true, chart: { ...chart, png: new Uint8Array(chart.png) }, usage: usage() }),
    (error: unknown) => process.send?.({ id: job.id, ok: false, message: error instanceof Error ? error.message : String(error), usage: usage() }),
  );
});
// The bot went away (its IPC channel closed): nothing is left to draw for.
process.on("disconnect", () => process.exit(0));
