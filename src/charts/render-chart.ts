import { fork, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import type { ChartImage, ChartInput } from "./chart-input.js";
import { chartShape } from "./draw-chart.js";

export { chartShape, PNG_MAX_BYTES } from "./draw-chart.js";

/** A chart never takes longer than this, whatever its input (the first one loads the libraries). */
export const CHART_TIMEOUT_MS = 20_000;
/** The chart process ends when no chart was asked for this long, giving back its memory. */
export const WORKER_IDLE_MS = 30_000;
/** …and after this many charts: resvg's native memory is freed when V8 collects, which a short life makes certain. */
export const WORKER_CHARTS = 50;
/** Charts kept by their input: the same counts (the same list version) are drawn once. */
const CACHE_SIZE = 16;

const ChartSchema = z.object({
  png: z.instanceof(Uint8Array),
  svg: z.string(),
  alt: z.string(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
});
const UsageSchema = z.object({ rss: z.number(), peakRss: z.number(), cpuMicros: z.number() });
const AnswerSchema = z.discriminatedUnion("ok", [
  z.object({ id: z.number(), ok: z.literal(true), chart: ChartSchema, usage: UsageSchema }),
  z.object({ id: z.number(), ok: z.literal(false), message: z.string(), usage: UsageSchema }),
]);

/** The chart process at its last answer: what it holds and held at its peak (bytes), the CPU time it has spent (µs). */
export type ChartProcessUsage = z.infer<typeof UsageSchema>;

/**
 * The chart process runs compiled JavaScript; from the sources (tsx, vitest) it
 * loads them through tsx. Its own flags, not the bot's: a small young
 * generation and a heap limit that a runaway chart meets long before the machine does.
 */
function startWorker(): ChildProcess {
  const fromSources = import.meta.url.endsWith(".ts");
  const entry = fileURLToPath(new URL(fromSources ? "./chart-worker.ts" : "./chart-worker.js", import.meta.url));
  const flags = ["--max-old-space-size=64", "--max-semi-space-size=2"];
  return fork(entry, [], { execArgv: fromSources ? [...flags, "--import", "tsx"] : flags, serialization: "advanced", stdio: ["ignore", "ignore", "inherit", "ipc"] });
}

/** Lets the bot's process exit while the chart process waits idle (and holds it open while a chart is drawn). */
function hold(worker: ChildProcess, held: boolean): void {
  if (held) {
    worker.ref();
    worker.channel?.ref();
  } else {
    worker.unref();
    worker.channel?.unref();
  }
}

interface Pending {
  worker: ChildProcess;
  resolve: (chart: ChartImage) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

/**
 * Draws charts in a child process that comes when a chart is asked for and
 * goes after WORKER_IDLE_MS without one (or after WORKER_CHARTS charts): the
 * bot's own process never holds the chart libraries or the rasterizer's
 * native memory, its event loop never waits on them, and a bot that draws no
 * chart pays nothing.
 */
class ChartWorker {
  private worker: ChildProcess | undefined;
  private drawn = 0;
  private nextId = 0;
  private idle: NodeJS.Timeout | undefined;
  private readonly pending = new Map<number, Pending>();
  /** The chart process's usage at its last answer. */
  usage: ChartProcessUsage | undefined;

  draw(input: ChartInput): Promise<ChartImage> {
    clearTimeout(this.idle);
    const worker = this.current();
    // Held open while a chart is drawn (a CLI run waits for it), let go when idle.
    hold(worker, true);
    this.drawn++;
    const id = ++this.nextId;
    return new Promise<ChartImage>((resolve, reject) => {
      const timer = setTimeout(() => this.fail(worker, new Error(`drawing the chart took longer than ${CHART_TIMEOUT_MS / 1000} s`)), CHART_TIMEOUT_MS);
      this.pending.set(id, { worker, resolve, reject, timer });
      worker.send({ id, input });
    });
  }

  private current(): ChildProcess {
    if (this.worker && this.drawn < WORKER_CHARTS) return this.worker;
    if (this.worker) this.retire(this.worker);
    const worker = startWorker();
    worker.on("message", (message: unknown) => this.answer(worker, message));
    worker.on("error", (error) => this.fail(worker, new Error(`the chart process failed: ${error.message}`)));
    worker.on("exit", (code, signal) => this.fail(worker, new Error(`the chart process stopped (${signal ?? `exit code ${code}`})`)));
    this.worker = worker;
    this.drawn = 0;
    return worker;
  }

  private busy(worker: ChildProcess): boolean {
    return [...this.pending.values()].some((p) => p.worker === worker);
  }

  private answer(worker: ChildProcess, message: unknown): void {
    const answer = AnswerSchema.safeParse(message);
    if (!answer.success) return this.fail(worker, new Error("the chart process gave an answer that is not a chart"));
    this.usage = answer.data.usage;
    const pending = this.pending.get(answer.data.id);
    if (!pending) return;
    this.pending.delete(answer.data.id);
    clearTimeout(pending.timer);
    if (answer.data.ok) pending.resolve(answer.data.chart);
    else pending.reject(new Error(`the chart could not be drawn: ${answer.data.message}`));
    if (!this.busy(worker)) this.afterLast(worker);
  }

  /** With nothing in flight: a retired worker goes now, the current one after the idle time. */
  private afterLast(worker: ChildProcess): void {
    if (worker !== this.worker) return void worker.kill();
    hold(worker, false);
    clearTimeout(this.idle);
    this.idle = setTimeout(() => this.retire(worker), WORKER_IDLE_MS);
    this.idle.unref();
  }

  /** Ends a worker once its charts in flight are answered; the next chart starts a new one. */
  private retire(worker: ChildProcess): void {
    if (this.worker === worker) this.worker = undefined;
    if (!this.busy(worker)) worker.kill();
  }

  /** Ends the worker now (shutdown, a measurement); charts in flight are refused. */
  async stop(): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    clearTimeout(this.idle);
    const running = worker.exitCode === null && worker.signalCode === null;
    // An idle chart process is unreferenced; referenced again, waiting for its exit keeps the bot's process up until it is gone.
    if (running) worker.ref();
    const exited = running ? new Promise((resolve) => worker.once("exit", resolve)) : undefined;
    this.fail(worker, new Error("the chart process was stopped"));
    await exited;
  }

  /** A worker that failed, hung or stopped: its charts in flight are refused, and the next chart gets a new worker. */
  private fail(worker: ChildProcess, error: Error): void {
    if (this.worker === worker) this.worker = undefined;
    for (const [id, pending] of this.pending) {
      if (pending.worker !== worker) continue;
      clearTimeout(pending.timer);
      pending.reject(error);
      this.pending.delete(id);
    }
    worker.kill();
  }
}

const workerPool = new ChartWorker();

/** Ends the chart process and gives back its memory; the next chart starts a new one. */
export const stopChartWorker = (): Promise<void> => workerPool.stop();
/** The chart process at its last answer (for measurements); undefined before the first chart. */
export const chartProcessUsage = (): ChartProcessUsage | undefined => workerPool.usage;
const cache = new Map<string, Promise<ChartImage>>();

/**
 * Counts -> Vega-Lite spec -> SVG -> PNG (in the chart process), with the text
 * alternative of the same numbers. The same input is drawn once while it is
 * among the last CACHE_SIZE charts (stats of one list version, asked often).
 */
export function renderChart(input: ChartInput): Promise<ChartImage> {
  const key = createHash("sha256").update(JSON.stringify(chartShape(input))).digest("hex");
  const cached = cache.get(key);
  if (cached) {
    cache.delete(key);
    cache.set(key, cached);
    return cached;
  }
  const drawing = workerPool.draw(input);
  cache.set(key, drawing);
  drawing.catch(() => cache.delete(key));
  while (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  return drawing;
}
