import { describe, expect, it } from "vitest";
import { parseList } from "../../src/papers/index.js";
import { buildList, row } from "../helpers/list-builder.js";

const names = (markdown: string) => parseList(markdown).papers.map((p) => p.name);
const list = buildList([row("AlphaServe"), row("BetaServe")]);
/** The list's table as text: its header, separator and rows, so a test can put a comment between rows. */
const [header = "", separator = "", alpha = "", beta = ""] = list.slice(list.indexOf("| **Scheduler**")).trim().split("\n");
const before = list.slice(0, list.indexOf("| **Scheduler**"));

describe("reading the list as GitHub renders it: HTML comments", () => {
  it("does not read a commented-out row, and keeps the rows after it in the table", () => {
    const markdown = `${before}${header}\n${separator}\n${alpha}\n<!-- ${row("DraftServe").name} is not out yet:\n${beta.replace("BetaServe", "DraftServe")}\n-->\n${beta}\n`;
    expect(names(markdown)).toEqual(["AlphaServe", "BetaServe"]);
  });

  it("does not read a commented-out table", () => {
    const draft = buildList([row("DraftServe")]);
    const table = draft.slice(draft.indexOf("| **Scheduler**"));
    expect(names(`${list}\n<!--\n${table}-->\n`)).toEqual(["AlphaServe", "BetaServe"]);
  });

  it("does not read anything inside a comment that spans blank lines", () => {
    const markdown = `${before}${header}\n${separator}\n${alpha}\n<!--\n\n${beta.replace("BetaServe", "DraftServe")}\n\n${beta.replace("BetaServe", "OtherDraft")}\n\n-->\n${beta}\n`;
    expect(names(markdown)).toEqual(["AlphaServe", "BetaServe"]);
  });

  it("reads <!-- inside a code span as text, not as the start of a comment", () => {
    const markdown = `${before}${header}\n${separator}\n${alpha.replace("AlphaServe", "`<!--`Serve")}\n${beta}\n`;
    expect(names(markdown)).toEqual(["<!--Serve", "BetaServe"]);
  });

  it("drops a comment inside a cell and keeps the cell's text", () => {
    const markdown = `${before}${header}\n${separator}\n${alpha.replace("AlphaServe", "AlphaServe <!-- rename? -->")}\n${beta}\n`;
    expect(names(markdown)).toEqual(["AlphaServe", "BetaServe"]);
  });
});
