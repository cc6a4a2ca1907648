import type { BarCount, BarPanel } from "../charts/chart-input.js";
import type { PaperList } from "../papers/index.js";

export const STATS_VIEWS = ["year", "venue", "tag", "reporter"] as const;
export type StatsView = (typeof STATS_VIEWS)[number];

export const countBy = (values: string[]): Array<[string, number]> => {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort(([a, x], [b, y]) => y - x || a.localeCompare(b));
};

const yearOf = (year: number | null) => (year === null ? "unknown" : String(year));
const rowsOf = (counts: Array<[string, number]>): BarCount[] => counts.map(([label, value]) => ({ label, value }));

/**
 * The list's counts as chart panels: papers per year stacked by each paper's
 * first category (so a bar is the year's paper count), and papers per venue,
 * category or reporter as rows, most first.
 */
export function statsPanel(list: PaperList, view: StatsView): BarPanel {
  const { papers, legend } = list;
  switch (view) {
    case "year": {
      const years = [...new Set(papers.map((p) => yearOf(p.year)))].sort((a, b) => (a === "unknown" ? 1 : b === "unknown" ? -1 : a.localeCompare(b)));
      const categoryOf = (tags: string[]) => {
        const tag = legend.find((t) => t.id === tags[0]);
        return tag ? `${tag.symbol} ${tag.label}` : "no category";
      };
      const order = [...legend.map((t) => `${t.symbol} ${t.label}`), "no category"];
      const bars = years.flatMap((label) => {
        const inYear = countBy(papers.filter((p) => yearOf(p.year) === label).map((p) => categoryOf(p.tags)));
        return inYear.sort(([a], [b]) => order.indexOf(a) - order.indexOf(b)).map(([group, value]) => ({ label, value, group }));
      });
      return { title: "Papers per year, by first category", axis: "Year", measure: "Papers", layout: "columns", groupTitle: "Category", groups: order, bars };
    }
    case "venue":
      return { title: "Papers per venue", axis: "Venue", measure: "Papers", layout: "rows", bars: rowsOf(countBy(papers.map((p) => p.venue ?? "unknown"))) };
    case "tag": {
      const byTag: Array<[string, number]> = legend.map((t) => [`${t.symbol} ${t.label}`, papers.filter((p) => p.tags.includes(t.id)).length]);
      const untagged = papers.filter((p) => p.tags.length === 0).length;
      return { title: "Papers per category", axis: "Category", measure: "Papers", layout: "rows", bars: rowsOf([...byTag, ["no category", untagged]]) };
    }
    case "reporter":
      return { title: "Papers per reporter", axis: "Reporter", measure: "Papers", layout: "rows", bars: rowsOf(countBy(papers.flatMap((p) => p.reporters))) };
  }
}
