import type { BarPanel } from "./chart-input.js";
import { plainLabel } from "./plain-label.js";

/** Bars beyond this many are folded into one "others" bar, so a chart stays readable and small. */
export const MAX_BARS = 24;
export const MAX_GROUPS = 12;

function foldExtra(names: string[], totals: Map<string, number>, max: number, what: string): Map<string, string> {
  const renamed = new Map(names.map((n) => [n, n]));
  if (names.length <= max) return renamed;
  const kept = new Set([...names].sort((a, b) => (totals.get(b) ?? 0) - (totals.get(a) ?? 0)).slice(0, max - 1));
  const other = `${names.length - kept.size} other ${what}`;
  for (const name of names) if (!kept.has(name)) renamed.set(name, other);
  return renamed;
}

/**
 * The panel as it is drawn (and described in the text alternative): labels
 * made plain, equal labels and groups merged, the smallest bars past MAX_BARS
 * (and groups past MAX_GROUPS) summed as "N other …", negative or non-finite counts as 0.
 */
export function capBars(panel: BarPanel): BarPanel {
  const bars = panel.bars.map((b) => ({
    label: plainLabel(b.label),
    value: Number.isFinite(b.value) && b.value > 0 ? Math.round(b.value) : 0,
    ...(b.group !== undefined ? { group: plainLabel(b.group) } : {}),
  }));
  const labelTotals = new Map<string, number>();
  const groupTotals = new Map<string, number>();
  for (const b of bars) {
    labelTotals.set(b.label, (labelTotals.get(b.label) ?? 0) + b.value);
    if (b.group !== undefined) groupTotals.set(b.group, (groupTotals.get(b.group) ?? 0) + b.value);
  }
  const labelOf = foldExtra([...labelTotals.keys()], labelTotals, MAX_BARS, panel.axis.toLowerCase() + "s");
  const groupOf = foldExtra([...groupTotals.keys()], groupTotals, MAX_GROUPS, (panel.groupTitle ?? "group").toLowerCase() + "s");
  const merged = new Map<string, { label: string; value: number; group?: string }>();
  for (const b of bars) {
    const label = labelOf.get(b.label) as string;
    const group = b.group === undefined ? undefined : (groupOf.get(b.group) as string);
    const key = JSON.stringify([label, group ?? null]);
    const seen = merged.get(key);
    if (seen) seen.value += b.value;
    else merged.set(key, { label, value: b.value, ...(group !== undefined ? { group } : {}) });
  }
  const shaped = [...merged.values()];
  if (panel.groups === undefined) return { ...panel, bars: shaped };
  const present = new Set(shaped.flatMap((b) => (b.group === undefined ? [] : [b.group])));
  const groups = [...new Set(panel.groups.map((g) => groupOf.get(plainLabel(g)) ?? plainLabel(g)))].filter((g) => present.has(g));
  return { ...panel, bars: shaped, groups };
}
