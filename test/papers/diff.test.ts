import { describe, expect, it } from "vitest";
import { diffLists, parseList } from "../../src/papers/index.js";
import { bundledText } from "../helpers/bundled.js";
import { buildList, row } from "../helpers/list-builder.js";

const base = [
  row("Atom", { venue: "arxiv", paper: "[Paper](https://arxiv.org/pdf/2310.19102.pdf)" }),
  row("AlpaServe", { code: "[Code](https://github.com/alpa-projects/mms)" }),
  row("Shepherd", { venue: "NSDI" }),
];
const diffOf = (before: string, after: string) => diffLists(parseList(before), parseList(after));

describe("diffing two versions of the list", () => {
  it("reports nothing for the same list", () => {
    expect(diffOf(bundledText(), bundledText())).toEqual({ added: [], removed: [], changed: [] });
  });

  it("reports added and removed papers by identity, in list order", () => {
    const d = diffOf(buildList(base), buildList([row("Punica"), base[0]!, base[1]!, row("Sia")]));
    expect(d.added.map((p) => p.name)).toEqual(["Punica", "Sia"]);
    expect(d.removed.map((p) => p.name)).toEqual(["Shepherd"]);
    expect(d.changed).toEqual([]);
  });

  it("reports a preprint published at a conference as a venue change", () => {
    const d = diffOf(buildList(base), buildList([{ ...base[0]!, venue: "OSDI", year: "2024" }, base[1]!, base[2]!]));
    expect(d.changed).toHaveLength(1);
    expect(d.changed[0]?.after.name).toBe("Atom");
    expect(d.changed[0]?.fields).toEqual([
      { field: "year", before: 2023, after: 2024 },
      { field: "venue", before: "arXiv", after: "OSDI" },
    ]);
  });

  it("reports a code link added", () => {
    const d = diffOf(buildList(base), buildList([base[0]!, base[1]!, { ...base[2]!, code: "[Code](https://github.com/x/shepherd)" }]));
    expect(d.changed.map((c) => c.fields)).toEqual([[{ field: "links.code", before: null, after: "https://github.com/x/shepherd" }]]);
  });

  it("sees no change in pure reformatting: columns reordered, padding, bold, reporter casing", () => {
    const reformatted = buildList(
      base.map((r) => ({ ...r, reporter: (r.reporter ?? "").toLowerCase(), name: `**${r.name}**` })),
      ["reporter", "name", "venue", "year", "tags", "paper", "code", "blog", "video"],
      undefined,
      (cell) => `\u3000${cell}   `,
    );
    expect(diffOf(buildList(base), reformatted)).toEqual({ added: [], removed: [], changed: [] });
  });

  it("treats a corrected name with the same paper link as a change, not a removal and an addition", () => {
    const d = diffOf(buildList(base), buildList([base[0]!, base[1]!, { ...base[2]!, name: "Shepherd-NSDI" }]));
    expect(d.added).toEqual([]);
    expect(d.removed).toEqual([]);
    expect(d.changed[0]?.fields).toEqual([{ field: "name", before: "Shepherd", after: "Shepherd-NSDI" }]);
  });

  it("reports the bundled list's real edits: a merged duplicate gaining a reporter is a change", () => {
    const before = bundledText().replace(/^\|Cocktail .*$/m, "");
    const d = diffOf(before, bundledText());
    expect(d.added).toEqual([]);
    expect(d.changed.map((c) => [c.after.name, c.fields.map((f) => f.field)])).toEqual([["Cocktail", ["tags", "reporters", "links.code"]]]);
  });
});
