// The chart worker: draws charts for the bot's thread (render-chart.ts), one
// message per chart. Vega and Vega-Lite load here, never in the bot's thread,
// and their memory goes when the worker ends; each PNG is drawn in a worker
// of its own (render-png.ts).
import { parentPort } from "node:worker_threads";
import type { ChartInput } from "./chart-input.js";
import { drawChart } from "./draw-chart.js";

parentPort?.on("message", (job: { id: number; input: ChartInput }) => {
  drawChart(job.input).then(
    (chart) => {
      // A copy the worker owns, so its buffer can be moved to the bot's thread.
      const png = new Uint8Array(chart.png);
      parentPort?.postMessage({ id: job.id, ok: true, chart: { ...chart, png } }, [png.buffer]);
    },
    (error: unknown) => parentPort?.postMessage({ id: job.id, ok: false, message: error instanceof Error ? error.message : String(error) }),
  );
});
