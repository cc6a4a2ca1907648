// `npm run bench:shapes`: the list-shapes section of `npm run bench` alone (--quick: fewer repetitions).
import { listShapesTable, measureListShapes } from "./list-shapes.js";

const { rows, compiledWorker } = await measureListShapes((m) => process.stderr.write(`  … ${m}\n`), process.argv.includes("--quick"));
process.stdout.write(`\n${listShapesTable(rows, compiledWorker)}\n`);
