import type { TopLevelSpec } from "vega-lite";
import type { BarPanel, ChartInput } from "./chart-input.js";

/** The one font a chart uses; render-png.ts loads exactly this family from data/fonts. */
export const CHART_FONT = "DejaVu Sans";

const BAR_COLOR = "#4c78a8";
const ROW_STEP = 22;
const COLUMN_STEP = 36;

interface Datum {
  label: string;
  value: number;
  group: string;
  /** Position of the bar and of its part in the stack, so the order never depends on the labels' text. */
  order: number;
  groupOrder: number;
}

/** Groups in the panel's order, then any others in the order they appear. */
const groupsOf = (panel: BarPanel): string[] => [...new Set([...(panel.groups ?? []), ...panel.bars.flatMap((b) => (b.group === undefined ? [] : [b.group]))])];

function data(panel: BarPanel): Datum[] {
  const labels = [...new Set(panel.bars.map((b) => b.label))];
  const groups = groupsOf(panel);
  return panel.bars.map((b) => ({ label: b.label, value: b.value, group: b.group ?? "", order: labels.indexOf(b.label), groupOrder: b.group === undefined ? 0 : groups.indexOf(b.group) }));
}

/**
 * One panel: bars (stacked by group when the bars have groups) with each bar's
 * total written beside it. Labels only ever enter as data values, never into
 * an expression, so no label can change what the chart does.
 */
function panelSpec(panel: BarPanel) {
  const values = data(panel);
  const labelList = [...new Set(values.map((v) => v.label))];
  const labels = labelList.length;
  // Wide enough for the longest label under its column ("2026-11-23"), estimated at 7.5 px a character.
  const step = Math.min(100, Math.max(COLUMN_STEP, Math.ceil(Math.max(0, ...labelList.map((l) => l.length)) * 7.5 + 14)));
  const groups = groupsOf(panel);
  const rows = panel.layout === "rows";
  const place = { field: "label", type: "nominal" as const, sort: { field: "order", op: "min" as const }, title: panel.axis };
  const count = { field: "value", type: "quantitative" as const, title: panel.measure, axis: { tickMinStep: 1, format: "d" } };
  const total = { field: "total", type: "quantitative" as const };
  const color =
    groups.length > 0
      ? { field: "group", type: "nominal" as const, title: panel.groupTitle ?? "", scale: { domain: groups, scheme: groups.length > 10 ? "tableau20" : "tableau10" }, legend: { orient: "right" as const } }
      : { value: BAR_COLOR };
  return {
    title: { text: panel.title, anchor: "start" as const, fontSize: 14 },
    data: { values },
    ...(rows ? { width: 420, height: { step: ROW_STEP } } : { width: Math.max(240, labels * step), height: 220 }),
    layer: [
      {
        mark: { type: "bar" as const },
        encoding: {
          [rows ? "y" : "x"]: rows ? { ...place, axis: { labelLimit: 220 } } : { ...place, axis: { labelAngle: 0 } },
          [rows ? "x" : "y"]: { ...count, stack: "zero" as const },
          color,
          order: { field: "groupOrder", type: "quantitative" as const },
        },
      },
      {
        transform: [{ aggregate: [{ op: "sum" as const, field: "value", as: "total" }], groupby: ["label", "order"] }],
        mark: rows ? { type: "text" as const, align: "left" as const, dx: 4 } : { type: "text" as const, baseline: "bottom" as const, dy: -3 },
        encoding: { [rows ? "y" : "x"]: place, [rows ? "x" : "y"]: total, text: total },
      },
    ],
  };
}

/** The Vega-Lite spec of a chart: its panels one under the other, one font, a white background. */
export function barSpec(input: ChartInput): TopLevelSpec {
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: { text: input.title, anchor: "start", fontSize: 17 },
    background: "white",
    padding: 16,
    config: {
      font: CHART_FONT,
      // One regular font file is bundled; bold would fall back to it anyway.
      title: { fontWeight: "normal", color: "#222" },
      axis: { labelFontSize: 12, titleFontSize: 12, titleFontWeight: "normal", labelColor: "#333", titleColor: "#333" },
      legend: { labelFontSize: 12, titleFontSize: 12, titleFontWeight: "normal", labelLimit: 260, titleLimit: 300 },
      text: { fontSize: 11, color: "#333" },
      view: { stroke: null },
      // The PNG is what people see; aria attributes would only repeat the labels in the SVG.
      aria: false,
    },
    vconcat: input.panels.map(panelSpec),
    spacing: 28,
    resolve: { scale: { color: "independent" } },
  } as TopLevelSpec;
}
