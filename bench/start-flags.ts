import { readFileSync } from "node:fs";

/**
 * The Node flags `npm start` runs the bot with (the `--` options between
 * `node` and the script in package.json's start script), so a bench process
 * is measured as the bot runs.
 */
export function startFlags(): string[] {
  const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { scripts?: { start?: string } };
  const words = (pkg.scripts?.start ?? "").split(/\s+/);
  if (words[0] !== "node") return [];
  return words.slice(1).filter((word) => word.startsWith("--"));
}
