// The independent mix alone: `npx tsx bench/independent-quick.ts [papers] [--peers] [--misses]`
// (default 10,000 papers, seeds 1 to 3, ours only). For reading the search's figures on names it was not tuned on.
import { independentTable, measureIndependent } from "./independent-figures.js";

const args = process.argv.slice(2);
const papers = Number(args.find((a) => /^\d+$/.test(a)) ?? 10_000);
const result = measureIndependent(
  { papers, seeds: [1, 2, 3], targets: 200, reps: 5, peerSample: 40, fuseSample: papers >= 10_000 ? 6 : 20, oursOnly: !args.includes("--peers") },
  (msg) => process.stderr.write(`  … ${msg}\n`),
);
console.log(independentTable(result));
if (args.includes("--misses")) for (const m of result.misses) console.log(`${m.kind.padEnd(6)} ${JSON.stringify(m.query)} -> ${m.answer ?? "nothing"} (meant ${m.expected ?? "none"}, seed ${m.seed})`);
