// The list shapes of issue 23: how long a list of each shape takes to read, in the
// process (parseList) and off the event loop (parseListIsolated, the worker a sync
// uses), beside the MSS list read by the same parser. Alone: `npm run bench:shapes` (bench/shapes-quick.ts).
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseList } from "../src/papers/index.js";
import type { PaperList } from "../src/papers/model.js";
import { distIsFresh } from "./dist-fresh.js";
import { Prng } from "./prng.js";
import type { Figure } from "./report.js";
import { syntheticRows, writeListMarkdown } from "./synthetic-list.js";
import { summarize, timeEach, type Summary } from "./timing.js";

const ROOT = new URL("../", import.meta.url);
const WORDS = ["Efficient", "Scalable", "Serving", "Training", "Memory", "Attention", "Cache", "Parallel", "Sparse", "Quantized", "Adaptive", "Distributed", "Inference", "Scheduling", "Pipeline", "Heterogeneous", "Models", "Clusters", "GPUs", "Language"];
const VENUES = ["OSDI' 24", "SOSP' 23", "NSDI' 25", "EuroSys '24", "MLSys' 25", "ASPLOS '25", "ByteDance", "UCB"];
const ORGS = ["PKU", "NVIDIA", "Meta", "UC Berkeley", "SJTU etc"];

function subtitle(prng: Prng): string {
  return Array.from({ length: prng.int(5, 10) }, () => prng.pick(WORDS)).join(" ");
}

/** A bullet list of `items` papers (LLMSys-PaperList's shape: headings, <details> year folds, "[Name](arXiv): subtitle | VENUE' 24"), about 128 bytes an item. */
export function bulletListMarkdown(items: number, seed: number): string {
  const prng = new Prng(seed);
  const lines = ["# Awesome synthetic systems papers", "", "## Contents", "- [Serving](#serving)", "- [Training](#training)", ""];
  for (let i = 0; i < items; i++) {
    if (i % 200 === 0) lines.push("", `## Topic ${i / 200}`, "");
    if (i % 50 === 0) lines.push(...(i % 200 === 0 ? [] : ["</details>", ""]), "<details>", `<summary><b>${2020 + ((i / 50) % 6)}</b></summary>`, "");
    const id = `${24 + (i % 2)}${String(1 + (i % 12)).padStart(2, "0")}.${String(10_000 + i).slice(-5)}`;
    lines.push(`- [Sys${i.toString(36)}${prng.pick(WORDS)}](https://arxiv.org/abs/${id}): ${subtitle(prng)} | ${prng.pick(VENUES)}`);
    if (i % 200 === 199) lines.push("", "</details>");
  }
  return `${lines.join("\n")}\n`;
}

/** A `Date|Title|Paper|Code|Recom` table of `rows` papers (Awesome-LLM-Inference's shape: 🔥 marks, bracketed names, (@org), [[pdf]] links, star badges). */
export function dateTableMarkdown(rows: number, seed: number): string {
  const prng = new Prng(seed);
  const lines = ["## 📖Synthetic papers", "", "|Date|Title|Paper|Code|Recom|", "|:---:|:---:|:---:|:---:|:---:|"];
  for (let i = 0; i < rows; i++) {
    const name = `Sys${i.toString(36)}${prng.pick(WORDS)}`;
    const date = `${2019 + (i % 7)}.${String(1 + (i % 12)).padStart(2, "0")}`;
    const code = prng.chance(0.6) ? `[[${name}]](https://github.com/org${i % 97}/${name}) ![](https://img.shields.io/github/stars/org${i % 97}/${name}.svg?style=social)` : "⚠️";
    lines.push(`|${date}|🔥🔥[**${name}**] ${name}: ${subtitle(prng)}(@${prng.pick(ORGS)})|[[pdf]](https://arxiv.org/pdf/24${String(i).padStart(2, "0").slice(-2)}.${String(10_000 + i).slice(-5)})|${code}|⭐️⭐️ |`);
  }
  return `${lines.join("\n")}\n`;
}

export interface ShapeTiming {
  label: string;
  kb: number;
  papers: number;
  inProcess: Summary;
  /** parseListIsolated, the worker's start included. */
  isolated: Summary;
  /** The longest the event loop waited while the worker read the list (ms). */
  loopMaxMs: number;
}

type Isolated = (markdown: string) => Promise<PaperList>;

/** The worker as it runs in production: compiled JavaScript when dist/ is fresh, else through tsx (slower to start). */
async function isolatedReader(progress: (msg: string) => void): Promise<{ read: Isolated; compiled: boolean }> {
  if (!distIsFresh()) {
    progress("list shapes: compiling dist/ so the worker runs compiled JavaScript, as in production");
    execFileSync("npm", ["run", "--silent", "build"], { cwd: fileURLToPath(ROOT), stdio: "inherit" });
  }
  const compiled = new URL("dist/src/papers/parse-isolated.js", ROOT);
  try {
    const mod = (await import(pathToFileURL(fileURLToPath(compiled)).href)) as { parseListIsolated: Isolated };
    return { read: (m) => mod.parseListIsolated(m), compiled: true };
  } catch {
    const mod = await import("../src/papers/parse-isolated.js");
    return { read: (m) => mod.parseListIsolated(m), compiled: false };
  }
}

async function timeIsolated(read: Isolated, markdown: string, reps: number): Promise<{ summary: Summary; loopMaxMs: number }> {
  await read(markdown);
  const samples: number[] = [];
  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  for (let i = 0; i < reps; i++) {
    const start = performance.now();
    await read(markdown);
    samples.push(performance.now() - start);
  }
  delay.disable();
  return { summary: summarize(samples), loopMaxMs: delay.max / 1e6 };
}

export async function measureListShapes(progress: (msg: string) => void, quick = false): Promise<{ rows: ShapeTiming[]; compiledWorker: boolean }> {
  const fixture = (path: string) => readFileSync(new URL(`test/fixtures/lists/${path}`, ROOT), "utf8");
  const lists = [
    { label: "MSS list (bundled, baseline)", markdown: readFileSync(new URL("data/papers.md", ROOT), "utf8"), reps: 200 },
    { label: "MSS table, 2,000 rows (synthetic, baseline)", markdown: writeListMarkdown(syntheticRows(2_000, 7), 7), reps: 30 },
    { label: "bullet list, 2,000 items (synthetic)", markdown: bulletListMarkdown(2_000, 7), reps: 30 },
    { label: "Date|Title|Paper|Code table, 2,000 rows (synthetic)", markdown: dateTableMarkdown(2_000, 7), reps: 30 },
    { label: "LLMSys-PaperList README (real)", markdown: fixture("llmsys/README.md"), reps: 20 },
    { label: "Awesome-LLM-Inference README (real)", markdown: fixture("xlite/README.md"), reps: 20 },
    { label: "Awesome-LLM-Long-Context-Modeling README (real)", markdown: fixture("date-groups/README.md"), reps: 20 },
  ];
  const { read, compiled } = await isolatedReader(progress);
  const rows: ShapeTiming[] = [];
  for (const list of lists) {
    progress(`list shapes: ${list.label}`);
    const papers = parseList(list.markdown).papers.length;
    const inProcess = summarize(timeEach([list.markdown], parseList, { warmup: 2, reps: quick ? Math.ceil(list.reps / 3) : list.reps }));
    const isolated = await timeIsolated(read, list.markdown, quick ? 3 : 8);
    rows.push({ label: list.label, kb: Buffer.byteLength(list.markdown) / 1024, papers, inProcess, isolated: isolated.summary, loopMaxMs: isolated.loopMaxMs });
  }
  return { rows, compiledWorker: compiled };
}

const ms = (n: number) => (n >= 100 ? `${n.toFixed(0)} ms` : n >= 1 ? `${n.toFixed(1)} ms` : `${n.toFixed(2)} ms`);

export function listShapesTable(rows: ShapeTiming[], compiledWorker: boolean): string {
  const head = ["| list | size | papers | parseList p50 / p99 | in the worker p50 / p99 | event loop's longest wait meanwhile |", "| --- | ---: | ---: | ---: | ---: | ---: |"];
  const body = rows.map((r) => `| ${r.label.replace(/\|/g, "\\|")} | ${r.kb.toFixed(0)} KB | ${r.papers.toLocaleString("en")} | ${ms(r.inProcess.p50)} / ${ms(r.inProcess.p99)} | ${ms(r.isolated.p50)} / ${ms(r.isolated.p99)} | ${ms(r.loopMaxMs)} |`);
  return [`Reading lists of each shape (the worker runs ${compiledWorker ? "compiled dist/" : "the sources through tsx"}; its start is in its times)`, "", ...head, ...body].join("\n");
}

/** The headline figures for the bench's table: the 2,000-item bullet list off the event loop, beside the MSS list. */
export function listShapesFigures(rows: ShapeTiming[]): Figure[] {
  const mss = rows.find((r) => r.label.startsWith("MSS list"));
  const bullets = rows.find((r) => r.label.startsWith("bullet list"));
  const table = rows.find((r) => r.label.startsWith("Date|Title"));
  const figures: Figure[] = [];
  for (const r of [bullets, table]) {
    if (!r) continue;
    figures.push({
      metric: `read a ${r.label.split(" (")[0]} off the event loop`,
      size: `${r.kb.toFixed(0)} KB`,
      ours: r.isolated.p50,
      baseline: mss?.isolated.p50 ?? null,
      unit: "ms",
      better: "lower",
      baselineLabel: "the bundled MSS list in the worker",
      target: { text: "well under 1 s (p50 <= 600 ms, p99 < 1 s)", met: r.isolated.p50 <= 600 && r.isolated.p99 < 1000 },
    });
  }
  return figures;
}
