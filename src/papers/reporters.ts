import { foldKey } from "./text.js";

const SEPARATOR = /\s*(?:[,;&、，/]|\band\b)\s*/u;

/** Splits a reporter cell naming several people: "XiaoKai, hzq", "A & B", "A and B". */
export function splitReporters(cell: string): string[] {
  if (!SEPARATOR.test(cell)) {
    const only = cell.trim();
    return only === "" ? [] : [only];
  }
  return cell
    .split(SEPARATOR)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/**
 * One display name per person however the list cases it: XiaoKai and Xiaokai
 * are one person, shown in the casing used most. A tie goes to the casing with
 * more capitals, then to code-point order, so row order never changes a name.
 */
export function canonicalReporters(allMentions: string[]): Map<string, string> {
  const counts = new Map<string, Map<string, number>>();
  for (const name of allMentions) {
    const key = foldKey(name);
    if (!key) continue;
    const casings = counts.get(key) ?? new Map<string, number>();
    casings.set(name, (casings.get(name) ?? 0) + 1);
    counts.set(key, casings);
  }
  const display = new Map<string, string>();
  for (const [key, casings] of counts) {
    const capitals = (s: string) => s.replace(/\P{Lu}/gu, "").length;
    const [best] = [...casings].sort(([a, x], [b, y]) => y - x || capitals(b) - capitals(a) || (a < b ? -1 : a > b ? 1 : 0));
    if (best) display.set(key, best[0]);
  }
  return display;
}
