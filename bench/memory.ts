import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

export interface MemoryFigure {
  rssMb: number;
  heapMb: number;
}

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const CHILD = fileURLToPath(new URL("./memory-child.ts", import.meta.url));
const mb = (bytes: number) => bytes / (1024 * 1024);

/** RSS and heap of a fresh process after loading: nothing, a plain fuse.js index, or our catalog (list + index). */
export function measureMemory(mode: "bare" | "empty" | "fuse" | "ours", file: string): MemoryFigure {
  const args =
    mode === "bare"
      ? ["--expose-gc", "-e", "globalThis.gc();const m=process.memoryUsage();process.stdout.write(JSON.stringify({rss:m.rss,heapUsed:m.heapUsed}))"]
      : ["--expose-gc", "--import", "tsx", CHILD, mode, file];
  const out = execFileSync(process.execPath, args, { cwd: ROOT, encoding: "utf8", maxBuffer: 1 << 20 });
  const parsed: unknown = JSON.parse(out);
  if (typeof parsed !== "object" || parsed === null || !("rss" in parsed) || !("heapUsed" in parsed)) throw new Error(`memory child printed ${out}`);
  return { rssMb: mb(Number(parsed.rss)), heapMb: mb(Number(parsed.heapUsed)) };
}
