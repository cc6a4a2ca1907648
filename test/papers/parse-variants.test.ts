import { describe, expect, it } from "vitest";
import { ListParseError, parseList } from "../../src/papers/index.js";
import { bundledText } from "../helpers/bundled.js";
import { buildList, FIELDS, row } from "../helpers/list-builder.js";

const rows = [
  row("AlpaServe", { code: "[Code](https://github.com/alpa-projects/mms)", tags: "●" }),
  row("Shepherd", { venue: "NSDI", reporter: "Xiaokai" }),
  row("Hyrax", { reporter: "hzq", tags: "★ ▲" }),
];
const comparable = (markdown: string) => parseList(markdown).papers.map(({ lines: _lines, ...rest }) => rest).sort((a, b) => a.id.localeCompare(b.id));

describe("parsing variants of the list", () => {
  it("parses a table with its rows reordered into the same papers", () => {
    expect(comparable(buildList([...rows].reverse()))).toEqual(comparable(buildList(rows)));
  });

  it("finds columns by header name, so reordered columns parse the same", () => {
    const shuffled = ["reporter", "video", "paper", "name", "tags", "year", "code", "venue", "blog"];
    expect(comparable(buildList(rows, shuffled))).toEqual(comparable(buildList(rows)));
  });

  it("accepts header synonyms in any case, bold or spacing", () => {
    const synonyms = ["  System ", "YEAR", "__Conference__", "Category", "PDF", "GitHub", "Notes", "Talk", "**Presenter**"];
    expect(comparable(buildList(rows, FIELDS, synonyms))).toEqual(comparable(buildList(rows)));
  });

  it("normalizes full-width, no-break and zero-width padding in cells", () => {
    const padded = buildList(rows, FIELDS, undefined, (cell) => `\u3000\u00a0${cell}\u200b\u3000\u3000`);
    expect(comparable(padded)).toEqual(comparable(buildList(rows)));
  });

  it("parses a table without the optional Video and Target columns", () => {
    const papers = parseList(buildList(rows, ["name", "year", "venue", "paper", "code", "blog", "reporter"])).papers;
    expect(papers.map((p) => p.name)).toEqual(["AlpaServe", "Shepherd", "Hyrax"]);
    expect(papers[0]).toMatchObject({ tags: [], links: { code: "https://github.com/alpa-projects/mms" } });
  });

  it("skips a row with no name and keeps a row with a bad year in part, warning with the line", () => {
    const markdown = buildList([row(""), row("Kairos", { year: "twenty" }), ...rows]);
    const lineOf = (text: string) => markdown.split("\n").findIndex((l) => l.includes(text)) + 1;
    const list = parseList(markdown);
    expect(list.papers.map((p) => p.name)).toEqual(["Kairos", "AlpaServe", "Shepherd", "Hyrax"]);
    expect(list.papers[0]?.year).toBeNull();
    expect(list.warnings).toEqual([
      { line: lineOf("|  | 2023"), message: "row has no name; skipped" },
      { line: lineOf("| Kairos |"), message: 'Kairos: year "twenty" is not a year; year left unknown' },
    ]);
  });

  it("keeps a row with too few cells, warning about the missing ones", () => {
    const markdown = `${buildList(rows)}| Gillis |\n`;
    const list = parseList(markdown);
    expect(list.papers.find((p) => p.name === "Gillis")).toMatchObject({ year: null, venue: null, reporters: [] });
    expect(list.warnings.some((w) => w.message.includes("Gillis: row has 1 cells where the header has 9"))).toBe(true);
  });

  it("reads rows after a blank line inside the table as part of the table, with a warning", () => {
    const text = bundledText().replace(/^(\| Punica .*)$/m, "$1\n");
    const list = parseList(text);
    expect(list.papers).toHaveLength(25);
    expect(list.papers.find((p) => p.name === "Moirai")?.lines).toEqual([39]);
    expect(list.warnings).toContainEqual({ line: 39, message: "a blank line splits the table here; the rows after it are read as part of the table" });
  });

  it("keeps two tables apart when a blank line separates them", () => {
    const second = "\n| Fruit | Colour |\n| --- | --- |\n| apple | red |\n";
    expect(parseList(buildList(rows) + second).papers.map((p) => p.name)).toEqual(["AlpaServe", "Shepherd", "Hyrax"]);
  });

  it("resolves reference-style links defined below the table", () => {
    const markdown = `${buildList([row("Sia", { paper: "[Paper][sia]", code: "[Code][]" })])}\n[sia]: https://dl.acm.org/doi/pdf/10.1145/3600006.3613175\n[code]: https://github.com/example/sia\n`;
    expect(parseList(markdown).papers[0]?.links).toEqual({ paper: "https://dl.acm.org/doi/pdf/10.1145/3600006.3613175", code: "https://github.com/example/sia" });
  });

  it("reads cells as a reader sees them: entities decoded, escaped pipes kept, markup and autolinks unwrapped", () => {
    const list = parseList(
      buildList([
        row("Tetris &amp; Co \\| Ltd", { venue: "*ATC*", reporter: "`hzq` &lt;3", code: "https://github.com/example/tetris", blog: "see [Blog](https://blog.example/tetris?a=1&amp;b=2)", video: "<https://video.example/tetris>" }),
      ]),
    );
    expect(list.papers[0]).toMatchObject({
      name: "Tetris & Co | Ltd",
      venue: "ATC",
      reporters: ["hzq <3"],
      links: { code: "https://github.com/example/tetris", blog: "https://blog.example/tetris?a=1&b=2", video: "https://video.example/tetris" },
    });
  });

  it("gives each table row its own source line, after the legend and the software links", () => {
    const markdown = buildList(rows);
    const lineOf = (text: string) => markdown.split("\n").findIndex((l) => l.startsWith(`| ${text} |`)) + 1;
    expect(parseList(markdown).papers.map((p) => p.lines)).toEqual([[lineOf("AlpaServe")], [lineOf("Shepherd")], [lineOf("Hyrax")]]);
  });

  it("drops links that are not http(s), with a warning", () => {
    const list = parseList(buildList([row("Sia", { code: "[Code](javascript:alert(1))" })]));
    expect(list.papers[0]?.links.code).toBeUndefined();
    expect(list.warnings[0]?.message).toContain('code link "javascript:alert(1)" is not an http(s) URL');
  });

  it("keeps an unknown category symbol instead of dropping it", () => {
    const list = parseList(buildList([row("Sia", { tags: "◆●" })]));
    expect(list.papers[0]?.tags).toEqual(["resource-scheduling", "◆"]);
    expect(list.legend.find((t) => t.symbol === "◆")).toEqual({ id: "◆", symbol: "◆", label: "Unlisted category ◆", known: false });
  });

  it("reads a plain-text category name as its legend tag", () => {
    expect(parseList(buildList([row("Sia", { tags: "Resource Scheduling" })])).papers[0]?.tags).toEqual(["resource-scheduling"]);
  });

  it("splits a cell naming two reporters", () => {
    expect(parseList(buildList([row("Sia", { reporter: "XiaoKai, hzq" })])).papers[0]?.reporters).toEqual(["XiaoKai", "hzq"]);
  });

  it("reads a list followed by thousands of nested quote or list markers, without running out of stack", () => {
    for (const marker of ["> ", "- ", "1. ", "> - "]) {
      const list = parseList(`${bundledText()}\n\n${marker.repeat(50_000)}deep\n`);
      expect(list.papers).toHaveLength(25);
    }
  });

  it("refuses an HTML error page", () => {
    expect(() => parseList("<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1></body></html>")).toThrow(ListParseError);
    expect(() => parseList("<html><body>| a | b |</body></html>")).toThrow(/HTML page/);
  });

  it("refuses an empty file", () => {
    expect(() => parseList("")).toThrow(/empty/);
    expect(() => parseList("  \n\t\n")).toThrow(ListParseError);
  });

  it("refuses a list truncated inside the table header", () => {
    const text = bundledText();
    const cut = text.slice(0, text.indexOf("| ------------- |") - 40);
    expect(() => parseList(cut)).toThrow(/no paper table/);
  });

  it("refuses a download cut off in the middle of a row, so a clipped name never looks new", () => {
    const text = bundledText().trimEnd();
    expect(() => parseList(text.slice(0, text.lastIndexOf("| hzq|") - 30))).toThrow(/middle of a table row/);
    expect(() => parseList(text.slice(0, text.indexOf("| ExoFlow") + 20))).toThrow(/middle of a table row/);
    expect(parseList(text).papers).toHaveLength(25);
  });

  it("refuses a table that is not a paper table", () => {
    expect(() => parseList("| Fruit | Colour |\n| --- | --- |\n| apple | red |\n")).toThrow(/name column/);
  });

  it("refuses a paper table with no rows", () => {
    expect(() => parseList(buildList([]))).toThrow(/no rows/);
  });
});
