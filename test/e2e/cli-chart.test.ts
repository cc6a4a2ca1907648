import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { pngHeader } from "../charts/png-header.js";
import { runNode } from "../helpers/spawn.js";
import { tempDir } from "../helpers/temp-dir.js";

const cli = (...args: string[]) => runNode("bin/mss-bot.js", args, { timeoutMs: 60_000 });

describe("mss-bot stats --chart", () => {
  it("writes the chart as a PNG, offline, and still prints the table", async () => {
    const file = join(tempDir("mss-chart-"), "stats.png");
    const { code, stdout, stderr } = await cli("stats", "--chart", file);
    expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
    expect(stdout).toContain("MSS-Papers in numbers — 25 papers, 3 software projects");
    expect(stdout).toMatch(/By venue\n {2}arXiv +7\n {2}OSDI +5/);
    const png = readFileSync(file);
    expect(stdout).toContain(`Wrote the chart to ${file} (PNG, ${png.length} bytes)`);
    expect(pngHeader(png).width).toBeGreaterThan(600);
  });

  it("prints the counts with --json, the chart as its name, size and text alternative", async () => {
    const file = join(tempDir("mss-chart-"), "venues.png");
    const { code, stdout } = await cli("stats", "--by", "venue", "--json", `--chart=${file}`);
    expect(code).toBe(0);
    const reply = JSON.parse(stdout);
    expect(reply).toMatchObject({ kind: "info", title: "MSS-Papers by venue", sections: [{ title: "By venue", rows: expect.arrayContaining([{ label: "arXiv", value: "7" }]) }] });
    expect(reply.image).toEqual({ name: "stats.png", mime: "image/png", title: "MSS-Papers by venue: 25 papers", alt: expect.stringContaining("Papers per venue: arXiv: 7;"), bytes: readFileSync(file).length });
  });

  it("says where a chart goes without --chart, and refuses --chart without a file or for a command that draws none", async () => {
    expect((await cli("stats")).stdout).toContain("(The chart: add --chart FILE to write it as a PNG.)");
    const noFile = await cli("stats", "--chart");
    expect(noFile.code).toBe(2);
    expect(noFile.stderr).toContain("--chart needs a file name");
    const file = join(tempDir("mss-chart-"), "paper.png");
    const none = await cli("paper", "AlpaServe", "--chart", file);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("paper draws no chart");
    expect(existsSync(file)).toBe(false);
  });

  it("says there is no chart to write for reading stats before the first session (exit 1)", async () => {
    const file = join(tempDir("mss-chart-"), "reading.png");
    const { code, stderr } = await cli("reading", "stats", "--chart", file);
    expect(code).toBe(1);
    expect(stderr).toContain("no chart to write: No reading-group session has been posted yet");
    expect(existsSync(file)).toBe(false);
  });
});
