// Loaded in a fresh process by memory.ts: loads a list the way the bot does
// (or not at all, for the baseline), collects garbage, prints RSS and heap.
import { readFileSync } from "node:fs";
import Fuse from "fuse.js";
import { hashText, parseList } from "../src/papers/index.js";
import { Catalog } from "../src/search/catalog.js";
import { baselineRecords } from "./baseline.js";

const [mode = "empty", file = ""] = process.argv.slice(2);
let kept: unknown;
if (mode === "fuse") {
  kept = new Fuse(baselineRecords(parseList(readFileSync(file, "utf8")).papers), { keys: ["name", "venue", "reporter"] });
} else if (mode === "ours") {
  const text = readFileSync(file, "utf8");
  kept = new Catalog(parseList(text), hashText(text));
}
globalThis.gc?.();
const { rss, heapUsed } = process.memoryUsage();
process.stdout.write(JSON.stringify({ mode, rss, heapUsed, kept: kept !== undefined }));
