import { altText } from "./alt-text.js";
import { barSpec } from "./bar-spec.js";
import { capBars } from "./cap-bars.js";
import type { ChartImage, ChartInput } from "./chart-input.js";
import { renderPng } from "./render-png.js";
import { renderSvg } from "./render-svg.js";

/**
 * Larger PNGs are redrawn at scale 1, and then refused: under Discord's 10 MiB
 * attachment limit for every server (Slack takes up to 1 GB).
 */
export const PNG_MAX_BYTES = 8 * 1024 * 1024;
const SCALE = 2;

/** The chart's panels as drawn: labels made plain, long tails folded into "others". */
export const chartShape = (input: ChartInput): ChartInput => ({ title: input.title, panels: input.panels.map(capBars) });

/** Counts -> Vega-Lite spec -> SVG -> PNG, with the text alternative of the same (shaped) numbers. In the chart worker. */
export async function drawChart(input: ChartInput): Promise<ChartImage> {
  const shaped = chartShape(input);
  const svg = await renderSvg(barSpec(shaped));
  let drawn = await renderPng(svg, SCALE);
  if (drawn.png.byteLength > PNG_MAX_BYTES) drawn = await renderPng(svg, 1);
  if (drawn.png.byteLength > PNG_MAX_BYTES) throw new Error(`chart PNG is ${drawn.png.byteLength} bytes, over ${PNG_MAX_BYTES}`);
  return { ...drawn, svg, alt: altText(shaped) };
}
