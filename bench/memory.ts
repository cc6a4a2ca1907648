import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

export interface MemoryFigure {
  rssMb: number;
  heapMb: number;
}

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const CHILD = fileURLToPath(new URL("./memory-child.ts", import.meta.url));
const mb = (bytes: number) => bytes / (1024 * 1024);

/**
 * The memory child bundled to plain JavaScript (packages left as imports), so
 * it runs on bare node as the compiled bot does: no TypeScript loader thread
 * inflating the numbers.
 */
export async function buildMemoryChild(): Promise<string> {
  // Inside node_modules so that the packages it imports resolve.
  const outfile = join(ROOT, "node_modules", ".cache", "mss-bot-bench", "memory-child.mjs");
  await build({ entryPoints: [CHILD], outfile, bundle: true, format: "esm", platform: "node", packages: "external", logLevel: "silent" });
  return outfile;
}

/** RSS and heap of a fresh process after loading: nothing, a plain fuse.js index, or our catalog (list + index). */
export function measureMemory(mode: "bare" | "empty" | "fuse" | "ours", child: string, file: string): MemoryFigure {
  const args =
    mode === "bare"
      ? ["--expose-gc", "-e", "globalThis.gc();const m=process.memoryUsage();process.stdout.write(JSON.stringify({rss:m.rss,heapUsed:m.heapUsed}))"]
      : ["--expose-gc", child, mode, file];
  const out = execFileSync(process.execPath, args, { cwd: ROOT, encoding: "utf8", maxBuffer: 1 << 20 });
  const parsed: unknown = JSON.parse(out);
  if (typeof parsed !== "object" || parsed === null || !("rss" in parsed) || !("heapUsed" in parsed)) throw new Error(`memory child printed ${out}`);
  return { rssMb: mb(Number(parsed.rss)), heapMb: mb(Number(parsed.heapUsed)) };
}
