// Loaded in a fresh process by memory.ts: loads a list the way the bot does
// (or not at all, for the baseline), collects garbage, prints RSS and heap, and
// how long the cold read of the list took (in a worker for ours, in the main thread for fuse).
import { readFileSync } from "node:fs";
import Fuse from "fuse.js";
import { hashText, parseList } from "../src/papers/index.js";
import { parseListIsolated } from "../src/papers/parse-isolated.js";
import { Catalog } from "../src/search/catalog.js";
import { baselineRecords } from "./baseline.js";
import { syntheticRecords } from "./synthetic-records.js";

const [mode = "empty", file = ""] = process.argv.slice(2);
let kept: unknown;
let readMs: number | null = null;
const text = file ? readFileSync(file, "utf8") : "";
const started = performance.now();
if (mode === "fuse") {
  const list = parseList(text);
  readMs = performance.now() - started;
  kept = new Fuse(baselineRecords(list.papers), { keys: ["name", "venue", "reporter"] });
} else if (mode === "ours") {
  // As the bot loads an upstream list: read in a worker thread, indexed here with every paper's record (title, authors).
  const list = await parseListIsolated(text);
  readMs = performance.now() - started;
  kept = new Catalog(list, hashText(text), new Date(), syntheticRecords(list.papers, 1));
}
globalThis.gc?.();
// V8 returns freed pages to the system concurrently: RSS read at once still counts them.
await new Promise((resolve) => setTimeout(resolve, 1500));
const { rss, heapUsed } = process.memoryUsage();
process.stdout.write(JSON.stringify({ mode, rss, heapUsed, readMs, kept: kept !== undefined }));
