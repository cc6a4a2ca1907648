// npm runs this after `npm install` and `npm ci`. In a checkout it compiles the
// sources to dist/, so `npm start` runs compiled JavaScript (see run-entry.js);
// where there are no sources or no compiler (the production image) it does nothing.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../", import.meta.url));
const tsc = `${root}node_modules/typescript/bin/tsc`;
if (existsSync(`${root}src`) && existsSync(tsc)) {
  execFileSync(process.execPath, [tsc, "-p", "tsconfig.build.json"], { cwd: root, stdio: "inherit" });
}
