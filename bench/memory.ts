import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { startFlags } from "./start-flags.js";

export interface MemoryFigure {
  rssMb: number;
  heapMb: number;
  /** The cold read of the list in that process, when it read one. */
  readMs: number | null;
}

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const CHILD = fileURLToPath(new URL("./memory-child.ts", import.meta.url));
const WORKER = fileURLToPath(new URL("../src/papers/parse-worker.ts", import.meta.url));
const mb = (bytes: number) => bytes / (1024 * 1024);

/**
 * The memory child bundled to plain JavaScript (packages left as imports), so
 * it runs on bare node as the compiled bot does: no TypeScript loader thread
 * inflating the numbers.
 */
export async function buildMemoryChild(): Promise<string> {
  // Inside node_modules so that the packages it imports resolve; the list reader's
  // worker entry is bundled beside the child, where parseListIsolated looks for it.
  const outdir = join(ROOT, "node_modules", ".cache", "mss-bot-bench");
  rmSync(outdir, { recursive: true, force: true });
  await build({ entryPoints: { "memory-child": CHILD, "parse-worker": WORKER }, outdir, bundle: true, format: "esm", platform: "node", packages: "external", logLevel: "silent" });
  return join(outdir, "memory-child.js");
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

/**
 * RSS and heap of fresh processes after loading: nothing, a plain fuse.js index,
 * or our catalog (list + index). RSS after a load depends on when the collector
 * last ran, so each figure is the median of `runs` processes, each run with
 * the Node flags of `npm start`.
 */
export function measureMemory(mode: "bare" | "empty" | "fuse" | "ours", child: string, file: string, runs = 5): MemoryFigure {
  const figures = Array.from({ length: runs }, () => measureOnce(mode, child, file));
  const reads = figures.flatMap((f) => (f.readMs === null ? [] : [f.readMs]));
  return { rssMb: median(figures.map((f) => f.rssMb)), heapMb: median(figures.map((f) => f.heapMb)), readMs: reads.length > 0 ? median(reads) : null };
}

function measureOnce(mode: "bare" | "empty" | "fuse" | "ours", child: string, file: string): MemoryFigure {
  const args =
    mode === "bare"
      ? ["--expose-gc", ...startFlags(), "-e", "globalThis.gc();setTimeout(()=>{const m=process.memoryUsage();process.stdout.write(JSON.stringify({rss:m.rss,heapUsed:m.heapUsed}))},1500)"]
      : ["--expose-gc", ...startFlags(), child, mode, file];
  const out = execFileSync(process.execPath, args, { cwd: ROOT, encoding: "utf8", maxBuffer: 1 << 20 });
  const parsed: unknown = JSON.parse(out);
  if (typeof parsed !== "object" || parsed === null || !("rss" in parsed) || !("heapUsed" in parsed)) throw new Error(`memory child printed ${out}`);
  const readMs = "readMs" in parsed && typeof parsed.readMs === "number" ? parsed.readMs : null;
  return { rssMb: mb(Number(parsed.rss)), heapMb: mb(Number(parsed.heapUsed)), readMs };
}
