import type { ListId, PaperList } from "../papers/index.js";
import type { ChartInput } from "../charts/chart-input.js";
import type { InfoSection, Reply } from "../replies/reply.js";
import { chartImage } from "./chart-image.js";
import { defineCommand } from "./command.js";
import { followedList, listOption } from "./list-option.js";
import { choice } from "./options.js";
import { countBy, STATS_VIEWS, statsPanel, type StatsView } from "./stats-chart.js";

const rows = (counts: Array<[string, number]>) => counts.map(([label, n]) => ({ label, value: String(n) }));

/** One followed list's part of the merged list: its papers (as merged), the categories and software it has itself. */
function oneList(merged: PaperList, own: PaperList | undefined, id: ListId): PaperList {
  const tags = new Set((own?.legend ?? []).map((t) => t.id));
  return { ...merged, papers: merged.papers.filter((p) => (p.lists ?? []).includes(id)), legend: merged.legend.filter((t) => tags.has(t.id)), software: own?.software ?? [] };
}

const TITLES: Record<StatsView, string> = { year: "By year", venue: "By venue", tag: "By category", reporter: "By reporter" };

export const statsCommand = defineCommand({
  name: "stats",
  description: "How many papers the lists (or one list) have, by year, venue, category and reporter, with a chart.",
  group: "papers",
  // The first chart loads the chart libraries (about half a second): acknowledge first.
  slow: true,
  options: {
    by: choice(STATS_VIEWS, { description: "One view only: year, venue, tag (category) or reporter" }).optional(),
    list: listOption("Only this followed list's papers (see lists)").optional(),
  },
  examples: ["stats", "stats by:venue", "stats list:llmsys"],
  async run({ by, list: listName }, { services: { catalog, log } }): Promise<Reply> {
    const followed = listName === undefined ? undefined : followedList(catalog, listName);
    if (followed && "error" in followed) return followed.error;
    const list = followed ? oneList(catalog.list, catalog.listVersion(followed.id)?.list, followed.id) : catalog.list;
    const { papers, legend, software } = list;
    const byYear = countBy(papers.map((p) => (p.year === null ? "unknown" : String(p.year)))).sort(([a], [b]) => b.localeCompare(a));
    const byTag = legend.map((t): [string, number] => [`${t.symbol} ${t.label}`, papers.filter((p) => p.tags.includes(t.id)).length]);
    const untagged = papers.filter((p) => p.tags.length === 0).length;
    const sections: Record<StatsView, InfoSection> = {
      year: { title: TITLES.year, rows: rows(byYear) },
      venue: { title: TITLES.venue, rows: rows(countBy(papers.map((p) => p.venue ?? "unknown"))) },
      tag: { title: TITLES.tag, rows: rows([...byTag, ["no category", untagged]]) },
      reporter: { title: TITLES.reporter, rows: rows(countBy(papers.flatMap((p) => p.reporters))) },
    };
    const name = followed ? `List ${followed.id}` : catalog.listIds.length > 1 ? `Lists ${catalog.listIds.join(", ")}` : "MSS-Papers";
    const title = by ? `${name} ${TITLES[by].toLowerCase()}` : `${name} in numbers`;
    const text = `${papers.length} papers, ${software.length} software projects`;
    const chart: ChartInput = { title: `${title}: ${papers.length} papers`, panels: by ? [statsPanel(list, by)] : [statsPanel(list, "year"), statsPanel(list, "venue")] };
    const image = await chartImage(chart, "stats.png", log);
    return {
      kind: "info",
      title,
      text,
      sections: by ? [sections[by]] : [sections.year, sections.venue, sections.tag, sections.reporter],
      ...(image ? { image } : {}),
    };
  },
});
