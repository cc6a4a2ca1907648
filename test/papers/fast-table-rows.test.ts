import { describe, expect, it } from "vitest";
import { syntheticRows, writeListMarkdown } from "../../bench/synthetic-list.js";
import { prescanTables, readSimpleCell } from "../../src/papers/fast-table-rows.js";
import { readMarkdown } from "../../src/papers/read-markdown.js";
import { bundledText } from "../helpers/bundled.js";
import { buildList, row } from "../helpers/list-builder.js";

const base = buildList([row("AlpaServe", { code: "[Code](https://github.com/alpa-projects/mms)", tags: "●" }), row("Shepherd", { reporter: "hzq" })]);
const withRow = (line: string) => base.replace(/\n$/, `\n${line}\n`);

/** The fast pre-pass must change nothing: same tables, rows, cells, lines, text and links as the GFM parser alone. */
const sameAsGfm = (markdown: string) => expect(readMarkdown(markdown)).toEqual(readMarkdown(markdown, { prescan: false }));

describe("reading simple table rows without the GFM parser", () => {
  it("reads the bundled list and a synthetic 1,000-paper list exactly as the GFM parser does", () => {
    sameAsGfm(bundledText());
    sameAsGfm(writeListMarkdown(syntheticRows(1000, 7), 7));
  });

  it("takes the rows out of the text the parser sees, keeping line numbers", () => {
    const pre = prescanTables(bundledText());
    const rows = [...pre.rows.values()].flat();
    expect(rows).toHaveLength(26);
    expect(rows[0]?.line).toBe(26);
    expect(rows[0]?.cells.slice(0, 5)).toEqual([
      { text: "SpotServe", urls: [] },
      { text: "2024", urls: [] },
      { text: "ASPLOS", urls: [] },
      { text: "", urls: [] },
      { text: "Paper", urls: ["https://arxiv.org/pdf/2311.15566.pdf"] },
    ]);
    expect(pre.markdown).not.toContain("SpotServe");
    expect(pre.originalLine(pre.markdown.split("\n").length)).toBe(bundledText().split("\n").length);
  });

  it.each([
    ["an escaped pipe", "| Foo\\|Bar | 2023 | OSDI |"],
    ["a code span", "| `Foo` | 2023 | OSDI |"],
    ["emphasis", "| *Foo* | 2023 | __OSDI__ |"],
    ["strikethrough", "| ~~Foo~~ | 2023 | OSDI |"],
    ["an HTML tag", "| Foo<br>Bar | 2023 | OSDI |"],
    ["an entity", "| Foo&amp;Bar | 2023 | OSDI |"],
    ["a bare URL", "| Foo | 2023 | OSDI | | https://example.org/foo.pdf |"],
    ["a www link", "| Foo | 2023 | OSDI | | www.example.org |"],
    ["an email", "| Foo | 2023 | OSDI | | | | | | foo@example.org |"],
    ["an image", "| ![Foo](https://example.org/f.png) | 2023 | OSDI |"],
    ["a link with a title", '| Foo | 2023 | OSDI | | [Paper](https://example.org/f.pdf "title") |'],
    ["a reference link", "| Foo | 2023 | OSDI | | [Paper][p] |\n\n[p]: https://example.org/p.pdf"],
    ["an entity in a link", "| Foo | 2023 | OSDI | | [Paper](https://example.org/?a=1&amp;b=2) |"],
    ["a row without a leading pipe", "Foo | 2023 | OSDI |"],
    ["text right after the table", "| Foo | 2023 | OSDI |\nplain text"],
    ["too many cells", "| Foo | 2023 | OSDI | | | | | | hzq | extra | more |"],
    ["too few cells", "| Foo |"],
    ["empty cells", "| | |"],
  ])("leaves a row with %s to the GFM parser or reads it the same", (_what, line) => {
    sameAsGfm(withRow(line));
  });

  it("reads the same with CRLF line endings, indented rows and a blank line splitting the table", () => {
    sameAsGfm(base.replace(/\n/g, "\r\n"));
    sameAsGfm(base.replace(/^\| (AlpaServe|Shepherd)/gm, "   | $1"));
    sameAsGfm(bundledText().replace(/^(\| Punica .*)$/m, "$1\n"));
  });

  it("leaves tables inside code fences, lists, quotes and HTML comments alone", () => {
    const table = "| Scheduler | Year |\n| --- | --- |\n| Foo | 2023 |";
    sameAsGfm(`${base}\n\`\`\`\n${table}\n\`\`\`\n`);
    sameAsGfm(`${base}\n- item\n\n  ${table.replace(/\n/g, "\n  ")}\n`);
    sameAsGfm(`${base}\n> ${table.replace(/\n/g, "\n> ")}\n`);
    sameAsGfm(`${base}\n<!--\n\n${table}\n\n-->\n`);
    sameAsGfm(`text\n${table}\n`);
  });

  it("reads a cell's text and links, and declines anything with markup", () => {
    expect(readSimpleCell(" [Paper](https://a.org/x_y*z.pdf)　")).toEqual({ text: "Paper", urls: ["https://a.org/x_y*z.pdf"] });
    expect(readSimpleCell(" XiaoKai ")).toEqual({ text: "XiaoKai", urls: [] });
    expect(readSimpleCell("see [a](https://a.org) and [b](https://b.org)")).toEqual({ text: "see a and b", urls: ["https://a.org", "https://b.org"] });
    for (const markup of ["**b**", "a_b", "`c`", "<b>", "&amp;", "x@y.org", "http://a.org", "[a]", "[a](b c)", "a\\|b", "![i](https://a.org/i.png)"]) {
      expect(readSimpleCell(markup)).toBeUndefined();
    }
  });
});
