// Ours only, kind by kind, at one list size: `npm run bench:search -- [papers]` (default 10,000).
// A minute instead of the full bench's peers, for working on the search itself.
import { parseList } from "../src/papers/index.js";
import { PaperIndex } from "../src/search/paper-index.js";
import { resolvePaper, type Resolution } from "../src/search/resolve.js";
import { isRight, labelledQueries } from "./labelled-queries.js";
import { syntheticRecords } from "./synthetic-records.js";
import { syntheticRows, writeListMarkdown } from "./synthetic-list.js";
import { summarize, timeEach } from "./timing.js";

const SEED = 20240607;
const papers = Number(process.argv[2] ?? 10_000);
const list = parseList(writeListMarkdown(syntheticRows(papers, SEED), SEED));
const records = syntheticRecords(list.papers, SEED);
const index = new PaperIndex(list, records);
const queries = labelledQueries(list.papers, 80, SEED, records);
const f = (x: number) => x.toFixed(3);
const firstOf = (r: Resolution): string | null => (r.kind === "one" ? r.paper.id : r.kind === "several" ? (r.hits[0]?.paper.id ?? null) : null);
for (const kind of [...new Set(queries.map((q) => q.kind))]) {
  const sample = queries.filter((q) => q.kind === kind).slice(0, 30);
  const lookup = summarize(timeEach(sample, (q) => resolvePaper(index, q.query), { warmup: 1, reps: 30 }));
  const suggest = summarize(timeEach(sample, (q) => index.suggest(q.query, 25), { warmup: 1, reps: 30 }));
  const all = queries.filter((q) => q.kind === kind);
  const right = all.filter((q) => isRight(q, firstOf(resolvePaper(index, q.query)))).length;
  console.log(`${kind.padEnd(7)} n=${sample.length} right ${right}/${all.length}  lookup ${f(lookup.p50)} / ${f(lookup.p99)}  autocomplete ${f(suggest.p50)} / ${f(suggest.p99)}`);
}
