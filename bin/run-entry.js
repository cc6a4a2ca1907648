// Runs an entry point of app/: the compiled JavaScript in dist/ when it is newer
// than every source file (built by `npm install` or `npm run build`), else the
// TypeScript sources through tsx, so an edit takes effect without a build step.
// The production image has no sources and always runs dist/.
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = fileURLToPath(new URL("../", import.meta.url));
const SOURCE_DIRS = ["src", "adapters", "app"];

/** The newest modification time of the TypeScript sources, in ms. */
function newestSource(dir = root, depth = 0) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (depth === 0 && !SOURCE_DIRS.includes(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path, depth + 1));
    else if (entry.name.endsWith(".ts")) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

export async function runEntry(name) {
  const source = join(root, "app", `${name}.ts`);
  const compiled = join(root, "dist", "app", `${name}.js`);
  const fresh = existsSync(compiled) && (!existsSync(source) || statSync(compiled).mtimeMs >= newestSource());
  if (fresh) {
    await import(pathToFileURL(compiled).href);
    return;
  }
  const { register } = await import("tsx/esm/api");
  register();
  await import(pathToFileURL(source).href);
}
