import type { BarPanel, ChartInput } from "./chart-input.js";

/** Discord takes at most 1024 characters as an attachment's description; Slack's alt text is shorter in practice. */
export const ALT_MAX = 1000;

function describePanel(panel: BarPanel): string {
  const bars = new Map<string, { total: number; parts: string[] }>();
  for (const b of panel.bars) {
    const bar = bars.get(b.label) ?? { total: 0, parts: [] };
    bar.total += b.value;
    if (b.group !== undefined && b.value > 0) bar.parts.push(`${b.group} ${b.value}`);
    bars.set(b.label, bar);
  }
  const stacked = panel.bars.some((b) => b.group !== undefined);
  const items = [...bars].map(([label, { total, parts }]) => (stacked && parts.length > 0 ? `${label}: ${total} (${parts.join(", ")})` : `${label}: ${total}`));
  return `${panel.title}: ${items.join("; ") || "none"}.`;
}

/**
 * The chart in words, with the same numbers as its bars (a screen reader's
 * Discord description, Slack alt text), cut at `max` characters.
 */
export function altText(input: ChartInput, max = ALT_MAX): string {
  const text = `Bar chart. ${input.title}. ${input.panels.map(describePanel).join(" ")}`;
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
