// A second labelled mix, built apart from the search code and never tuned on
// (issue 25): lists in the shapes an independent harness used, and queries of
// seven kinds. Written, with its rule, before looking at any engine's answers.
//
// THE RULE (fixed before any result was seen; the same for every engine):
// - An engine's answer to a query is its first hit (ours: the paper of a
//   "one" resolution, else the first of the pick-list; a peer: its first
//   result), or nothing.
// - exact, typo1, typo2, prefix, words, extra: right when the answer is the
//   intended paper, or a paper whose folded name (or folded alias) equals the
//   folded query. Nothing is wrong.
// - none: right when there is no confident answer: ours answers "none" or a
//   pick-list ("several"), never "one"; a peer returns nothing at all.
// A query kind's figure is the share of its queries answered right.
//
// The lists: the real names of data/papers.md first, then CamelCase names
// from shared heads and tails (AlpaServe, SpotFlexServe, FlexServe),
// lowercase-first names (vLLM-like), acronyms (INFaaS-like), hyphenated and
// all-caps names, alias pairs ("ABC/AlpaBatchCache"), "Name (ACR)", versioned
// names, multiword titles (about a quarter), and 5 % near-duplicates of names
// already listed (one edit, or a suffix: AlpaServe2, AlpaServer, HexGen Lite).
// A quarter of the queried papers have such a near-duplicate.
//
// The queries, per queried paper: exact (the name, or one of its aliases, as
// written), typo1 and typo2 (one or two substitutions, transpositions or
// deletions of letters, never of the first character), prefix (the shortest
// start of the name, at least 4 letters and half of it, that no other name or
// alias starts with; none when there is no such start), words (a name made of
// several words, typed in lower case with spaces between them), extra (the
// name with a venue, a year, "paper", "the ... system" or an author's surname
// around it); and about one query in six that names no paper (none).
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { foldKey, parseList, type Paper, type PaperList } from "../src/papers/index.js";
import { Prng } from "./prng.js";

export type MixKind = "exact" | "typo1" | "typo2" | "prefix" | "words" | "extra" | "none";
export const MIX_KINDS: readonly MixKind[] = ["exact", "typo1", "typo2", "prefix", "words", "extra", "none"];

export interface MixQuery {
  kind: MixKind;
  query: string;
  /** The paper the query was made from (null for none). */
  expected: string | null;
  /** Papers that count as a right answer (empty for none). */
  accept: ReadonlySet<string>;
}

export interface Mix {
  list: PaperList;
  queries: MixQuery[];
}

/** Whether an answer is right by the rule above; `confident` says whether the engine committed to it (ours: "one"). */
export function mixRight(q: MixQuery, answer: string | null, confident: boolean): boolean {
  if (q.kind === "none") return answer === null || !confident;
  return answer !== null && q.accept.has(answer);
}

const HEADS = [
  "Alpa", "Spot", "Flex", "Hex", "Tap", "Kai", "Orca", "Puni", "Gilli", "Shep", "Exo", "Delta", "Moi", "Comp", "Cock",
  "Hydra", "Lyra", "Tetra", "Para", "Velo", "Quasar", "Blaze", "Stella", "Cobalt", "Nimble", "Zephyr", "Aurora",
  "Krypto", "Mosaic", "Fusion", "Vector", "Photon", "Helix", "Ion", "Boreal", "Cirrus", "Dyna", "Ever", "Fjord",
  "Granite", "Harbor", "Iris", "Jade", "Kestrel", "Lotus", "Maple", "Neon", "Oasis", "Pylon", "Quartz", "Raven",
  "Summit", "Topaz", "Ultra", "Verde", "Willow", "Xeno", "Yonder", "Zinc", "Arrow", "Beacon", "Comet", "Drift",
];
const TAILS = [
  "Serve", "Gen", "Flow", "Cache", "Batch", "Infer", "Sched", "LLM", "Tune", "Pipe", "Store", "Scale", "Shift",
  "Spec", "Quant", "Route", "Mux", "Pack", "Fuse", "Swap", "Share", "Train", "Kernel", "Mem", "Stream",
];
const ACRONYM_TAILS = ["aaS", "FaaS", "ML", "DL", "RT", "X", "Net", "", ""];
const LOWER_FIRST = ["v", "s", "d", "i", "e", "m", "q", "z"];
const ADJECTIVES = [
  "Efficient", "Predictable", "Distributed", "Transparent", "Elastic", "Adaptive", "Scalable", "Fast", "Fair", "Robust",
  "Serverless", "Speculative", "Heterogeneous", "Cost-Efficient", "Memory-Aware", "Low-Latency", "Secure", "Practical",
  "Decentralized", "Resilient", "Online", "Incremental", "Hierarchical", "Locality-Aware", "Energy-Efficient",
];
const TOPICS = [
  "LLM", "Deep Learning", "DNN", "Transformer", "Multi-Model", "LoRA Adapter", "Mixture-of-Experts", "Diffusion",
  "Recommendation", "GPU", "KV Cache", "Embedding", "Graph Learning", "Vision Model", "Speech Model",
];
const NOUNS = [
  "Decoding", "Batching", "Placement", "Autoscaling", "Scheduling", "Serving", "Inference", "Caching", "Offloading",
  "Partitioning", "Routing", "Preemption", "Migration", "Prefetching", "Compression", "Multiplexing", "Profiling",
];
const OBJECTS = [
  "Long-Context Inference", "Spot Instances", "Mixture-of-Experts Inference", "LoRA Adapter Inference", "GPU Clusters",
  "Edge Devices", "Serverless Platforms", "Shared Accelerators", "Multi-Tenant Clusters", "Tiered Memory",
  "Bursty Workloads", "Heterogeneous GPUs", "Geo-Distributed Clouds", "Preemptible VMs", "Interactive Agents",
];
const NEAR_SUFFIXES = ["2", "3", "r", "Lite", "Pro", "X", "+ML", "Plus", "-NG", "v2", " Lite", " 2"];
const SURNAMES = ["Zhang", "Li", "Wang", "Chen", "Smith", "Kumar", "Garcia", "Müller", "Kim", "Nguyen", "Rossi", "Stoica", "Patel", "Tanaka"];
const VENUES = ["OSDI", "SOSP", "NSDI", "ATC", "EuroSys", "ASPLOS", "SIGCOMM", "INFOCOM", "ICDCS", "MLSys", "SoCC", "arxiv", "HPDC", "TPDS"];
const JUNK_SYLLABLES = ["zor", "quib", "flen", "grob", "wim", "plu", "tesh", "yav", "bru", "kos", "nid", "fap", "hov", "jex", "sul"];
const JUNK_WORDS = [
  "banana", "bread", "recipe", "weather", "tomorrow", "garden", "guitar", "lesson", "holiday", "photos", "birthday", "cake",
  "football", "scores", "knitting", "pattern", "coffee", "beans", "mountain", "hiking", "trail", "violin", "poetry", "tulip",
];

interface Row {
  name: string;
  year: number;
  venue: string;
  /** The words the name is made of, when it is made of several ("Alpa", "Serve"). */
  parts: string[];
  /** The row this one is a near-duplicate of, if any. */
  nearOf?: number;
}

function realRows(): Row[] {
  const markdown = readFileSync(fileURLToPath(new URL("../data/papers.md", import.meta.url)), "utf8");
  return parseList(markdown).papers.map((p) => ({ name: p.name, year: p.year ?? 2023, venue: p.venue ?? "arxiv", parts: [] }));
}

function camel(rng: Prng): string[] {
  const parts = [rng.pick(HEADS)];
  if (rng.chance(0.3)) parts.push(rng.pick(HEADS));
  parts.push(rng.pick(TAILS));
  return parts;
}

function title(rng: Prng): string[] {
  const shape = rng.int(0, 3);
  const words =
    shape === 0
      ? `${rng.pick(ADJECTIVES)} ${rng.pick(NOUNS)} for ${rng.pick(OBJECTS)}`
      : shape === 1
        ? `${rng.pick(ADJECTIVES)} ${rng.pick(TOPICS)} ${rng.pick(NOUNS)} on ${rng.pick(OBJECTS)}`
        : shape === 2
          ? `Towards ${rng.pick(ADJECTIVES)} ${rng.pick(TOPICS)} ${rng.pick(NOUNS)}`
          : `${rng.pick(ADJECTIVES)} ${rng.pick(NOUNS)} of ${rng.pick(TOPICS)} Models`;
  return words.split(" ");
}

/** A fresh name in one of the list's shapes, and the words it is made of when it is typed as words. */
function freshName(rng: Prng): { name: string; parts: string[] } {
  const shape = rng.next();
  if (shape < 0.25) {
    const words = title(rng);
    return { name: words.join(" "), parts: words };
  }
  if (shape < 0.62) {
    const parts = camel(rng);
    return { name: parts.join(""), parts };
  }
  if (shape < 0.68) {
    const tail = rng.pick(TAILS);
    const name = `${rng.pick(LOWER_FIRST)}${tail.length <= 3 ? tail.toUpperCase() : tail}`;
    return { name, parts: [] };
  }
  if (shape < 0.74) {
    const letters = Array.from({ length: rng.int(2, 4) }, () => String.fromCharCode(65 + rng.int(0, 25))).join("");
    return { name: `${letters}${rng.pick(ACRONYM_TAILS)}`, parts: [] };
  }
  if (shape < 0.8) {
    const parts = camel(rng);
    return { name: parts.join("-"), parts };
  }
  if (shape < 0.85) {
    const parts = camel(rng);
    return { name: parts.join("").toUpperCase(), parts: [] };
  }
  if (shape < 0.91) {
    const parts = camel(rng);
    const acronym = parts.map((p) => p.charAt(0).toUpperCase()).join("");
    return { name: rng.chance(0.6) ? `${acronym}/${parts.join("")}` : `${parts.join("")} (${acronym})`, parts };
  }
  const parts = camel(rng);
  const version = rng.pick(["v2", "-2", " 2.0", "-XL", " v3", "1.5"]);
  return { name: `${parts.join("")}${version}`, parts: [] };
}

/** One edit of a name (not of its first letter), or a suffix: AlpaServer, AlpaServe2, HexGen Lite. */
function nearName(rng: Prng, base: string): string {
  if (rng.chance(0.5)) return / /.test(base) ? `${base} ${rng.pick(["2", "Lite", "Pro", "v2", "Plus"])}` : `${base}${rng.pick(NEAR_SUFFIXES)}`;
  return typoOf(rng, base, 1) ?? `${base}2`;
}

const isLetter = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);

/** `count` substitutions, transpositions or deletions of letters, never of the first character, at distinct places; null if the name is too short. */
function typoOf(rng: Prng, text: string, count: number): string | null {
  let out = text;
  const used = new Set<number>();
  for (let done = 0, tries = 0; done < count; tries++) {
    if (tries > 50) return null;
    const at = rng.int(1, out.length - 1);
    if (!isLetter(out[at]) || used.has(at) || used.has(at - 1) || used.has(at + 1)) continue;
    const op = rng.int(0, 2);
    let next: string;
    if (op === 0) {
      const letter = String.fromCharCode(97 + rng.int(0, 25));
      const c = out[at] as string;
      const sub = c === c.toUpperCase() ? letter.toUpperCase() : letter;
      if (foldKey(sub) === foldKey(c)) continue;
      next = out.slice(0, at) + sub + out.slice(at + 1);
    } else if (op === 1) {
      if (!isLetter(out[at + 1]) || foldKey(out[at] as string) === foldKey(out[at + 1] as string)) continue;
      next = out.slice(0, at) + out[at + 1] + out[at] + out.slice(at + 2);
    } else {
      next = out.slice(0, at) + out.slice(at + 1);
      // Later places shift left by one.
      for (const u of [...used]) if (u > at) { used.delete(u); used.add(u - 1); }
    }
    used.add(at);
    out = next;
    done++;
  }
  return out;
}

/** The keys a paper answers to: its folded name and aliases. */
const keysOf = (p: Paper) => [p.id, ...p.aliases.map(foldKey)];

function markdownOf(rows: Row[]): string {
  const lines = ["# MSS-Papers", "", "| **Scheduler** | Year | **Series** | Target | **Paper** | **Code** | Link | Video | Reporter |", "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"];
  rows.forEach((r, n) => lines.push(`| ${r.name} | ${r.year} | ${r.venue} |  | [Paper](https://example.org/p/${n}.pdf) |  |  |  | XiaoKai |`));
  return `${lines.join("\n")}\n`;
}

/**
 * A list of `size` papers and its labelled queries for one seed: `targets`
 * queried papers (a quarter with a near-duplicate in the list).
 */
export function independentMix(size: number, seed: number, targets: number): Mix {
  const rng = new Prng(seed ^ 0x1d3e7);
  const rows = realRows().slice(0, size);
  const taken = new Set(rows.map((r) => foldKey(r.name)));
  while (rows.length < size) {
    let row: Row;
    if (rows.length > 40 && rng.chance(0.05)) {
      const of = rng.int(0, rows.length - 1);
      const base = rows[of] as Row;
      // Near-duplicates of the plain names: an alias pair's near twin would be a different shape.
      if (/[/()]/.test(base.name)) continue;
      row = { name: nearName(rng, base.name), year: rng.int(2018, 2025), venue: rng.pick(VENUES), parts: [], nearOf: of };
    } else {
      const { name, parts } = freshName(rng);
      row = { name, year: rng.int(2018, 2025), venue: rng.pick(VENUES), parts };
    }
    const key = foldKey(row.name);
    if (key.length < 2 || taken.has(key) || row.name.length > 120) continue;
    taken.add(key);
    rows.push(row);
  }
  const list = parseList(markdownOf(rows));
  if (list.papers.length !== rows.length) throw new Error(`independent mix: ${rows.length} rows read as ${list.papers.length} papers`);
  const papers = list.papers;
  const allKeys = papers.map(keysOf);
  const byKey = new Map<string, string[]>();
  papers.forEach((p, i) => {
    for (const k of allKeys[i] as string[]) byKey.set(k, [...(byKey.get(k) ?? []), p.id]);
  });
  const acceptFor = (query: string, expected: string) => new Set([expected, ...(byKey.get(foldKey(query)) ?? [])]);

  // Which rows have a near-duplicate (either side of the pair).
  const paired = new Set<number>();
  rows.forEach((r, i) => {
    if (r.nearOf !== undefined) {
      paired.add(i);
      paired.add(r.nearOf);
    }
  });
  const order = rng.shuffle(rows.map((_, i) => i));
  const withTwin = order.filter((i) => paired.has(i));
  const without = order.filter((i) => !paired.has(i));
  const twins = Math.min(withTwin.length, Math.round(targets / 4));
  const chosen = rng.shuffle([...withTwin.slice(0, twins), ...without.slice(0, targets - twins)]);

  const queries: MixQuery[] = [];
  const add = (kind: MixKind, query: string, expected: string) => queries.push({ kind, query, expected, accept: acceptFor(query, expected) });
  for (const i of chosen) {
    const row = rows[i] as Row;
    const paper = papers[i] as Paper;
    // What a person types: the longest of an alias pair, the main name of "Name (ACR)".
    const typed = paper.aliases.length > 0 ? paper.aliases.reduce((a, b) => (b.length > a.length ? b : a)) : paper.name;
    const key = foldKey(typed);
    add("exact", paper.aliases.length > 0 && rng.chance(0.5) ? rng.pick(paper.aliases) : paper.name, paper.id);
    if (key.length >= 5) {
      const one = typoOf(rng, typed, 1);
      if (one && foldKey(one) !== key) add("typo1", one, paper.id);
    }
    if (key.length >= 8) {
      const two = typoOf(rng, typed, 2);
      if (two && foldKey(two) !== key) add("typo2", two, paper.id);
    }
    const prefix = uniquePrefix(typed, allKeys, i);
    if (prefix) add("prefix", prefix, paper.id);
    if (row.parts.length >= 2) add("words", row.parts.join(" ").toLowerCase(), paper.id);
    const surname = rng.pick(SURNAMES);
    const extras = [
      `${typed} ${row.venue}`, `${row.venue} ${typed}`, `${typed} ${row.year}`, `${typed} ${row.venue} ${row.year}`, `paper ${typed}`,
      `${typed} paper`, `the ${typed} system`, `${surname} ${typed}`, `${typed} ${surname} et al`, `${typed} by ${surname}`,
    ];
    add("extra", rng.pick(extras), paper.id);
  }
  for (let made = 0, tries = 0; made < Math.max(5, Math.round(targets / 6)) && tries < 10_000; tries++) {
    const query = rng.chance(0.5)
      ? Array.from({ length: rng.int(2, 3) }, () => rng.pick(JUNK_SYLLABLES)).join("")
      : Array.from({ length: rng.int(2, 3) }, () => rng.pick(JUNK_WORDS)).join(" ");
    const q = foldKey(query);
    // Far from every name: no name or alias within three edits of it, starting with it, or inside it.
    if (allKeys.some((keys) => keys.some((k) => k.includes(q) || q.includes(k) || nearWithin(q, k, 3)))) continue;
    queries.push({ kind: "none", query, expected: null, accept: new Set() });
    made++;
  }
  return { list, queries };
}

/** The shortest start of the typed name (at least 4 letters and half of it) no other paper's key starts with. */
function uniquePrefix(typed: string, allKeys: string[][], self: number): string | null {
  const key = foldKey(typed);
  // Every start no longer than the longest start shared with another paper's key is not unique.
  let shared = 0;
  allKeys.forEach((keys, i) => {
    if (i === self) return;
    for (const k of keys) {
      let n = 0;
      while (n < k.length && n < key.length && k.charCodeAt(n) === key.charCodeAt(n)) n++;
      if (n > shared) shared = n;
    }
  });
  for (let end = 1; end < typed.length; end++) {
    const prefix = typed.slice(0, end);
    const p = foldKey(prefix);
    if (p.length < Math.max(4, Math.ceil(key.length / 2)) || p.length >= key.length) continue;
    if (p.length > shared) return prefix.trimEnd();
  }
  return null;
}

/** Whether two strings are within `max` edits (Levenshtein), by a banded dynamic programme. */
function nearWithin(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1));
      best = Math.min(best, cur[j] as number);
    }
    if (best > max) return false;
    prev = cur;
  }
  return (prev[b.length] as number) <= max;
}
