import type { Tag } from "./model.js";
import { cleanText, foldKey } from "./text.js";

// "Different Storage Media = ★" or "★ = Storage media"; the symbol side has no letters or digits.
const LEGEND_LINE = /^(.+?)\s*[=:：]\s*(.+)$/u;
const SYMBOL = /^[^\p{L}\p{N}\s]{1,4}$/u;
const FILLER_WORDS = new Set(["different", "the", "of", "and", "a"]);

/** A stable, readable tag id from a legend label: "Different Storage Media" -> "storage-media". */
export function tagIdFromLabel(label: string): string {
  const words = label
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
  const meaningful = words.filter((w) => !FILLER_WORDS.has(w));
  return (meaningful.length > 0 ? meaningful : words).join("-");
}

/**
 * Reads legend entries from free text (paragraphs and the tab-indented block a
 * strict parser sees as code). Lines that are not "label = symbol" are ignored.
 */
export function readLegend(blocks: string[]): Tag[] {
  const tags: Tag[] = [];
  for (const block of blocks) {
    for (const raw of block.split(/\r?\n/)) {
      const match = LEGEND_LINE.exec(cleanText(raw));
      if (!match) continue;
      const left = cleanText(match[1] ?? "");
      const right = cleanText(match[2] ?? "");
      const [label, symbol] = SYMBOL.test(right) ? [left, right] : SYMBOL.test(left) ? [right, left] : [];
      if (!label || !symbol || !/\p{L}/u.test(label)) continue;
      if (tags.some((t) => t.symbol === symbol)) continue;
      tags.push({ id: tagIdFromLabel(label), symbol, label, known: true });
    }
  }
  return tags;
}

/** Finds a legend tag by id, symbol, label or any word of the label ("scheduling", "gpu", "★"). */
export function findTag(legend: Tag[], query: string): Tag | undefined {
  const key = foldKey(query);
  const trimmed = query.trim();
  return (
    legend.find((t) => t.symbol === trimmed) ??
    legend.find((t) => foldKey(t.id) === key || foldKey(t.label) === key) ??
    (key.length >= 3 ? legend.find((t) => t.id.split("-").some((w) => w.startsWith(key))) : undefined)
  );
}
