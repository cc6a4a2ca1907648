/** One line of the figures table: our number beside the baseline's, and the target it is held to. */
export interface Figure {
  metric: string;
  size: string;
  ours: number;
  baseline: number | null;
  unit: "ms" | "MB" | "%";
  /** "lower" for times and memory, "higher" for accuracy. */
  better: "lower" | "higher";
  baselineLabel: string;
  target?: { text: string; met: boolean };
}

function format(value: number, unit: Figure["unit"]): string {
  if (unit === "%") return `${value.toFixed(1)} %`;
  if (unit === "MB") return `${value.toFixed(1)} MB`;
  if (value >= 100) return `${value.toFixed(0)} ms`;
  if (value >= 1) return `${value.toFixed(2)} ms`;
  return `${value.toFixed(3)} ms`;
}

function ratio(f: Figure): string {
  if (f.baseline === null) return "";
  if (f.unit === "%") {
    const delta = f.ours - f.baseline;
    return `${delta >= 0 ? "+" : ""}${delta.toFixed(1)} pts`;
  }
  if (f.ours <= 0) return "";
  const r = f.baseline / f.ours;
  const [better, worse] = f.unit === "MB" ? ["smaller", "larger"] : ["faster", "slower"];
  return r >= 1 ? `${r >= 10 ? r.toFixed(0) : r.toFixed(1)}x ${better}` : `${(1 / r).toFixed(1)}x ${worse}`;
}

/** The figures as a markdown table (readable in a terminal, pasteable into the README). */
export function figuresTable(figures: Figure[]): string {
  const head = ["figure", "papers", "ours", "baseline", "", "target"];
  const rows = figures.map((f) => [
    f.metric,
    f.size,
    format(f.ours, f.unit),
    f.baseline === null ? f.baselineLabel : `${format(f.baseline, f.unit)} (${f.baselineLabel})`,
    f.unit === "MB" ? "" : ratio(f),
    f.target ? `${f.target.text} ${f.target.met ? "✓" : "✗ MISSED"}` : "",
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] as number)).join(" | ")} |`;
  return [line(head), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}
