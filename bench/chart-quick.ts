// The chart section of the bench alone: `npm run bench:chart -- [reps]` (default 20).
// The stats chart of the bundled list, in a fresh process, as `npm run bench` measures it.
import { fileURLToPath } from "node:url";
import { chartFigures, measureCharts } from "./chart.js";
import { figuresTable } from "./report.js";

const reps = Number(process.argv[2] ?? 20);
const runs = await measureCharts([{ label: "25 (bundled)", file: fileURLToPath(new URL("../data/papers.md", import.meta.url)) }], reps, (msg) => process.stderr.write(`  … ${msg}\n`));
process.stdout.write(`${figuresTable(chartFigures(runs))}\n`);
