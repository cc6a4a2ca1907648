import { inflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { altText } from "../../src/charts/alt-text.js";
import { barSpec } from "../../src/charts/bar-spec.js";
import { chartShape, renderChart, stopChartWorker } from "../../src/charts/render-chart.js";
import { renderSvg } from "../../src/charts/render-svg.js";
import { FIXED_CHART } from "./fixed-list.js";
import { pngHeader } from "./png-header.js";

/** The text nodes of an SVG, unescaped: what a viewer draws as text. */
const svgTexts = (svg: string) =>
  [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) =>
    (m[1] ?? "").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, "&"),
  );

/** The IDAT chunks' data, inflated: proves the PNG's pixels decode, not only its header. */
function pixelBytes(png: Buffer): Buffer {
  const idat: Buffer[] = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    const type = png.toString("latin1", at + 4, at + 8);
    if (type === "IDAT") idat.push(png.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  return inflateSync(Buffer.concat(idat));
}

describe("a chart from a fixed list", () => {
  it("renders the same SVG as the stored snapshot", async () => {
    const svg = await renderSvg(barSpec(chartShape(FIXED_CHART)));
    await expect(svg).toMatchFileSnapshot("__snapshots__/fixed-list.svg");
  });

  it("draws a label with <script> and & as text, never as markup", async () => {
    const { svg } = await renderChart(FIXED_CHART);
    expect(svg).not.toMatch(/<script/i);
    expect(svg).toContain("&lt;script&gt;");
    expect(svg).not.toMatch(/&(?!(amp|lt|gt|quot|#\d+|#x[0-9a-f]+);)/i);
    // The axis shortens long labels with "…"; the start is there, as plain text.
    expect(svgTexts(svg).some((t) => t.startsWith("<script>alert(1)</scr"))).toBe(true);
    expect(svgTexts(svg)).toEqual(expect.arrayContaining(["arXiv", "OSDI", "ATC", "2022", "2023", "2024", "★ Storage", "● Scheduling", "no category"]));
  });

  it("encodes a PNG that decodes: signature, IHDR size twice the SVG's, all its pixel rows", async () => {
    const chart = await renderChart(FIXED_CHART);
    const png = Buffer.from(chart.png);
    const header = pngHeader(png);
    const svgSize = /<svg[^>]* width="(\d+)" height="(\d+)"/.exec(chart.svg);
    expect(svgSize).not.toBeNull();
    expect(header).toMatchObject({ width: 2 * Number(svgSize?.[1]), height: 2 * Number(svgSize?.[2]), bitDepth: 8 });
    expect({ width: chart.width, height: chart.height }).toEqual({ width: header.width, height: header.height });
    const channels = header.colorType === 6 ? 4 : header.colorType === 2 ? 3 : 1;
    expect(pixelBytes(png).length).toBe(header.height * (1 + header.width * channels));
    // Far under Discord's 10 MiB and Slack's limits.
    expect(png.length).toBeLessThan(500_000);
  });

  it("describes the chart in words with the same numbers as its bars", async () => {
    const chart = await renderChart(FIXED_CHART);
    expect(chart.alt).toBe(
      "Bar chart. Fixed list: 17 papers. " +
        "Papers per year, by first category: 2022: 3 (★ Storage 2, no category 1); 2023: 9 (★ Storage 4, ● Scheduling 3, no category 2); 2024: 5 (● Scheduling 5). " +
        "Papers per venue: arXiv: 7; OSDI: 5; <script>alert(1)</script> & Co: 3; ATC: 2.",
    );
  });
});

describe("the shape of what is drawn", () => {
  it("folds the smallest bars past 24 into one, so the chart and its description stay readable", () => {
    const bars = Array.from({ length: 30 }, (_, i) => ({ label: `venue ${i}`, value: 30 - i }));
    const [panel] = chartShape({ title: "t", panels: [{ title: "Per venue", axis: "Venue", measure: "Papers", layout: "rows", bars }] }).panels;
    expect(panel?.bars).toHaveLength(24);
    expect(panel?.bars.at(-1)).toEqual({ label: "7 other venues", value: 7 + 6 + 5 + 4 + 3 + 2 + 1 });
  });

  it("makes labels one plain line and counts whole and not negative", () => {
    const [panel] = chartShape({ title: "t", panels: [{ title: "P", axis: "Venue", measure: "Papers", layout: "rows", bars: [{ label: "a\nb\u0007c", value: 2.4 }, { label: "", value: -3 }, { label: "x".repeat(200), value: Number.NaN }] }] }).panels;
    expect(panel?.bars).toEqual([
      { label: "a b c", value: 2 },
      { label: "(blank)", value: 0 },
      { label: `${"x".repeat(79)}…`, value: 0 },
    ]);
  });

  it("cuts a description at Discord's and Slack's limit", () => {
    const bars = Array.from({ length: 40 }, (_, i) => ({ label: `a rather long venue name ${i}`, value: i + 1 }));
    const alt = altText({ title: "t", panels: [{ title: "P", axis: "Venue", measure: "Papers", layout: "rows", bars }] });
    expect(alt.length).toBe(1000);
    expect(alt.endsWith("…")).toBe(true);
  });
});

describe("the chart worker", () => {
  it("draws the same counts once, and draws again after the worker was stopped", async () => {
    const input = { ...FIXED_CHART, title: "Drawn once" };
    const first = await renderChart(input);
    expect(await renderChart(input)).toBe(first);
    await stopChartWorker();
    const other = await renderChart({ ...FIXED_CHART, title: "Drawn by a new worker" });
    expect(pngHeader(other.png).width).toBe(first.width);
  });
});
