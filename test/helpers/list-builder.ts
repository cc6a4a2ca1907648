/** Builds MSS-Papers-style markdown inside tests, so each variant states exactly what it changes. */

export type Row = Record<string, string>;

export const HEADERS = ["**Scheduler**", "Year", "**Series**", "Target", "**Paper**", "**Code**", "Link", "Video", "Reporter"];
export const FIELDS = ["name", "year", "venue", "tags", "paper", "code", "blog", "video", "reporter"] as const;

const LEGEND = "\t**Different Storage Media** = ★   \n\n\t**Different GPU Devices =▲**     \n\n\t**Resource Scheduling = ●**\n";

export function row(name: string, over: Partial<Record<(typeof FIELDS)[number], string>> = {}): Row {
  return {
    name,
    year: "2023",
    venue: "OSDI",
    tags: "",
    paper: `[Paper](https://example.org/${encodeURIComponent(name.toLowerCase())}.pdf)`,
    code: "",
    blog: "",
    video: "",
    reporter: "XiaoKai",
    ...over,
  };
}

/** A list with the legend and one table; `order` picks and orders the columns (by field). */
export function buildList(rows: Row[], order: readonly string[] = FIELDS, headers: readonly string[] = HEADERS, pad = (cell: string) => cell): string {
  const head = order.map((field) => headers[FIELDS.indexOf(field as (typeof FIELDS)[number])] ?? field);
  const lines = [`| ${head.join(" | ")} |`, `| ${head.map(() => "---").join(" | ")} |`];
  for (const r of rows) lines.push(`| ${order.map((field) => pad(r[field] ?? "")).join(" | ")} |`);
  return `# MSS-Papers\n\n  [BentoML](https://github.com/bentoml/BentoML)\n\n${LEGEND}\n${lines.join("\n")}\n`;
}
