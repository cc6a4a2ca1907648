import type { Reply } from "../replies/reply.js";
import { defineCommand } from "./command.js";

function countBy(values: string[]): Array<[string, number]> {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort(([a, x], [b, y]) => y - x || a.localeCompare(b));
}

const rows = (counts: Array<[string, number]>) => counts.map(([label, n]) => ({ label, value: String(n) }));

export const statsCommand = defineCommand({
  name: "stats",
  description: "How many papers the list has, by year, venue, category and reporter.",
  group: "papers",
  options: {},
  run(_args, { services: { catalog } }): Reply {
    const { papers, legend, software } = catalog.list;
    const byYear = countBy(papers.map((p) => (p.year === null ? "unknown" : String(p.year)))).sort(([a], [b]) => b.localeCompare(a));
    const byTag = legend.map((t): [string, number] => [`${t.symbol} ${t.label}`, papers.filter((p) => p.tags.includes(t.id)).length]);
    const untagged = papers.filter((p) => p.tags.length === 0).length;
    return {
      kind: "info",
      title: "MSS-Papers in numbers",
      text: `${papers.length} papers, ${software.length} software projects`,
      sections: [
        { title: "By year", rows: rows(byYear) },
        { title: "By venue", rows: rows(countBy(papers.map((p) => p.venue ?? "unknown"))) },
        { title: "By category", rows: rows([...byTag, ["no category", untagged]]) },
        { title: "By reporter", rows: rows(countBy(papers.flatMap((p) => p.reporters))) },
      ],
    };
  },
});
