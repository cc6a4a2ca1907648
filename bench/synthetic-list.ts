import { foldKey } from "../src/papers/index.js";
import { Prng } from "./prng.js";
import { syntheticName } from "./synthetic-names.js";

/** One row of a synthetic list, before it is written as markdown. */
export interface SyntheticRow {
  name: string;
  year: number;
  venue: string;
  tags: string;
  paper: string;
  code: string;
  blog: string;
  video: string;
  reporter: string;
}

const VENUES = [
  "OSDI", "SOSP", "NSDI", "ATC", "EuroSys", "ASPLOS", "SIGCOMM", "INFOCOM", "HPDC", "ICDCS", "TPDS", "MLSys",
  "SoCC", "arxiv", "arxiv", "arxiv", "ICCAD", "Middleware", "SC", "PPoPP", "ISCA", "MICRO",
];
// Two casings of the same people, as upstream writes them (XiaoKai / Xiaokai).
const REPORTERS = [
  "XiaoKai", "XiaoKai", "Xiaokai", "hzq", "HZQ", "LiMing", "ZhangWei", "Chen", "wangfang", "Yuki", "Priya", "Omar",
  "Sofia", "Jonas", "Amara", "Mateo", "Ines", "Kenji", "Lena", "Ravi",
];
const TAGS = ["", "", "", "", "●", "★", "▲", "★ ▲", "●"];
const PAD = "\u3000\u3000\u3000\u3000";

/** `count` distinct papers (distinct folded names), deterministic for a seed. */
export function syntheticRows(count: number, seed: number): SyntheticRow[] {
  const rng = new Prng(seed);
  const seen = new Set<string>();
  const rows: SyntheticRow[] = [];
  while (rows.length < count) {
    const { name, words } = syntheticName(rng);
    const id = foldKey(name);
    if (seen.has(id)) continue;
    seen.add(id);
    const slug = words.join("-").toLowerCase();
    const n = rows.length;
    rows.push({
      name,
      year: rng.int(2015, 2025),
      venue: rng.pick(VENUES),
      tags: rng.pick(TAGS),
      paper: `[Paper](https://arxiv.org/pdf/${2000 + (n % 500)}.${String(10000 + n).padStart(5, "0")}.pdf)`,
      code: rng.chance(0.4) ? `[Code](https://github.com/${slug}-lab/${slug})` : "",
      blog: rng.chance(0.3) ? `[Link](https://blog.csdn.net/qq_51802743/article/details/${135000000 + n}?spm=1001.2014.3001.5502)` : "",
      video: rng.chance(0.05) ? `[Video](https://www.youtube.com/watch?v=${slug.slice(0, 11)})` : "",
      reporter: rng.pick(REPORTERS),
    });
  }
  return rows;
}

/**
 * The list as upstream writes it: title, software links, a tab-indented legend
 * with bold markers, bold header cells, U+3000 padding in some cells, and about
 * one paper in a hundred listed a second time by another reporter.
 */
export function writeListMarkdown(rows: SyntheticRow[], seed: number): string {
  const rng = new Prng(seed ^ 0x5eed);
  const lines = [
    "# MSS-Papers",
    "model serving system papers",
    "",
    "=======================================================================",
    "",
    "deep learning optimization software suite",
    "",
    "  [BentoML](https://github.com/bentoml/BentoML)",
    "",
    "  [ColossalAI](https://github.com/hpcaitech/ColossalAI)",
    "",
    "  [DeepSpeed](https://github.com/microsoft/DeepSpeed)",
    "",
    "=======================================================================",
    "",
    "\t**Different Storage Media** = ★   ",
    "",
    "\t**Different GPU Devices =▲**     ",
    "",
    "\t**Resource Scheduling = ●**",
    "",
    "| **Scheduler** | Year | **Series** | Target | **Paper**  | **Code**  | Link  | Video | Reporter |",
    "| ------------- | ---- | ---------- | ------ | ---------- | --------- | ----- | ----- | -------- |",
  ];
  const cellsOf = (r: SyntheticRow, reporter: string) => {
    const padded = rng.chance(0.15);
    const venue = padded ? `${r.venue}${PAD}` : r.venue;
    const tags = padded && r.tags === "" ? PAD : r.tags;
    return [r.name.padEnd(13), String(r.year), venue, tags, r.paper, r.code, r.blog, r.video, reporter];
  };
  for (const r of rows) {
    lines.push(`| ${cellsOf(r, r.reporter).join(" | ")} |`);
    if (rng.chance(0.01)) {
      const other = r.reporter === "hzq" ? "XiaoKai" : "hzq";
      lines.push(`|${cellsOf({ ...r, tags: r.tags || "●" }, other).join(" | ")}|`);
    }
  }
  return `${lines.join("\n")}\n\n`;
}

/**
 * A later version of the same list: some rows removed, some added (new names),
 * some changed (venue moved from arxiv to a conference, a code link added, a
 * name's typo fixed while the paper link stays).
 */
export function nextVersion(rows: SyntheticRow[], seed: number, edits = { added: 100, removed: 50, changed: 100 }): SyntheticRow[] {
  const rng = new Prng(seed ^ 0xd1ff);
  const removed = new Set(rng.shuffle(rows.map((_, i) => i)).slice(0, edits.removed));
  const kept = rows.filter((_, i) => !removed.has(i));
  for (const i of rng.shuffle(kept.map((_, i) => i)).slice(0, edits.changed)) {
    const r = kept[i] as SyntheticRow;
    const kind = rng.int(0, 2);
    kept[i] =
      kind === 0
        ? { ...r, venue: r.venue === "arxiv" ? "OSDI" : "arxiv" }
        : kind === 1
          ? { ...r, code: `[Code](https://github.com/changed/${i})` }
          : { ...r, name: `${r.name}X` };
  }
  const fresh = syntheticRows(rows.length + edits.added, seed + 1)
    .slice(rows.length)
    .map((r, i) => ({ ...r, paper: `[Paper](https://arxiv.org/pdf/2501.${String(90000 + i)}.pdf)` }));
  const ids = new Set(kept.map((r) => foldKey(r.name)));
  const added = fresh.filter((r) => !ids.has(foldKey(r.name)));
  // New rows go anywhere, as upstream edits do.
  for (const r of added) kept.splice(rng.int(0, kept.length), 0, r);
  return kept;
}
