import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const SOURCE_DIRS = ["src", "adapters", "app"];

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith(".ts")) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/** Whether dist/ would be run by bin/start.js as it is (newer than every TypeScript source, the rule of bin/run-entry.js): no build needed first. */
export function distIsFresh(): boolean {
  const compiled = join(ROOT, "dist", "app", "main.js");
  if (!existsSync(compiled)) return false;
  const newest = Math.max(...SOURCE_DIRS.map((d) => newestSource(join(ROOT, d))));
  return statSync(compiled).mtimeMs >= newest;
}
