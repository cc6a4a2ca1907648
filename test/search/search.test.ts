import { describe, expect, it } from "vitest";
import { PaperIndex } from "../../src/search/paper-index.js";
import { resolvePaper } from "../../src/search/resolve.js";
import { bundledList } from "../helpers/bundled.js";

const index = new PaperIndex(bundledList());

/** query -> the paper a person typing it wants (null: nothing should be claimed). */
const CASES: Array<[kind: string, query: string, expected: string | null]> = [
  ["exact", "AlpaServe", "AlpaServe"],
  ["exact", "SpotServe", "SpotServe"],
  ["exact", "DELTAZIP", "DELTAZIP"],
  ["exact", "ARASMTDIG", "ARASMTDIG"],
  ["exact", "iGniter", "iGniter"],
  ["case", "alpaserve", "AlpaServe"],
  ["case", "ALPASERVE", "AlpaServe"],
  ["case", "deltazip", "DELTAZIP"],
  ["case", "infaas", "INFaaS"],
  ["spacing", "spot serve", "SpotServe"],
  ["spacing", "delta zip", "DELTAZIP"],
  ["spacing", "  Alpa   Serve ", "AlpaServe"],
  ["punctuation", "Alpa-Serve", "AlpaServe"],
  ["alias", "CBA", "CBA/AutoCBA"],
  ["alias", "AutoCBA", "CBA/AutoCBA"],
  ["alias", "cba/autocba", "CBA/AutoCBA"],
  ["short", "sia", "Sia"],
  ["short", "ncc", "NCC"],
  ["short", "mark", "MArk"],
  ["short", "atom", "Atom"],
  ["typo", "alpaserv", "AlpaServe"],
  ["typo", "alpasrve", "AlpaServe"],
  ["typo", "shepard", "Shepherd"],
  ["typo", "spotsevre", "SpotServe"],
  ["typo", "punika", "Punica"],
  ["typo", "gilis", "Gillis"],
  ["typo", "hexgn", "HexGen"],
  ["typo", "cocktial", "Cocktail"],
  ["typo", "computorn", "Computron"],
  ["typo", "conveyer", "Conveyor"],
  ["typo", "kiaros", "Kairos"],
  ["typo", "faswap", "FaaSwap"],
  ["typo", "sai", "Sia"],
  ["prefix", "alpa", "AlpaServe"],
  ["prefix", "tap", "TapFinger"],
  ["prefix", "exofl", "ExoFlow"],
  ["prefix", "kair", "Kairos"],
  ["word", "finger", "TapFinger"],
  ["word", "zip", "DELTAZIP"],
  ["none", "xyzzy", null],
  ["none", "quantum teleportation", null],
];

describe("finding papers the way people type them", () => {
  it.each(CASES)("%s: %j finds %s", (_kind, query, expected) => {
    const found = resolvePaper(index, query);
    if (expected === null) expect(found.kind).toBe("none");
    else expect(found.kind === "one" ? found.paper.name : found).toBe(expected);
  });

  it("offers a pick-list when several papers share a prefix", () => {
    const found = resolvePaper(index, "serve");
    expect(found.kind).toBe("several");
    expect(found.kind === "several" && found.hits.map((h) => h.paper.name).sort()).toEqual(["AlpaServe", "SpotServe"]);
  });

  it("puts short exact names first instead of fuzzy noise", () => {
    for (const [query, name] of [["sia", "Sia"], ["ncc", "NCC"], ["mark", "MArk"]] as const) {
      expect(index.search(query, 5)[0]).toMatchObject({ paper: { name }, match: "exact" });
    }
  });

  it("autocompletes from one letter, prefixes before words before typos", () => {
    expect(index.suggest("s", 25).slice(0, 3).map((h) => h.paper.name)).toEqual(["Sia", "Shepherd", "SpotServe"]);
    expect(index.suggest("alpa", 25).map((h) => h.paper.name)).toEqual(["AlpaServe"]);
    expect(index.suggest("", 5).map((h) => h.paper.name)).toEqual(["SpotServe", "TapFinger", "CBA/AutoCBA", "Sia", "Kairos"]);
    expect(index.suggest("a", 25).length).toBeGreaterThan(3);
  });

  it("never returns more suggestions than asked", () => {
    expect(index.suggest("a", 2)).toHaveLength(2);
  });
});

describe("filtering the list", () => {
  const names = (papers: Array<{ name: string }>) => papers.map((p) => p.name);

  it("filters by venue case-insensitively", () => {
    expect(names(index.filter({ venue: "osdi" }))).toEqual(["AlpaServe", "ExoFlow", "Hyrax", "NCC", "Conveyor"]);
    expect(index.filter({ venue: "ARXIV" })).toHaveLength(7);
  });

  it("filters by year and year range", () => {
    expect(names(index.filter({ year: { from: 2024, to: 2024 } }))).toEqual(["SpotServe"]);
    expect(index.filter({ year: { from: 2019, to: 2021 } })).toHaveLength(4);
  });

  it("filters by tag id, symbol or label word", () => {
    const scheduling = names(index.filter({ tag: "resource-scheduling" }));
    expect(scheduling).toEqual(["TapFinger", "CBA/AutoCBA", "Cocktail", "iGniter", "MArk"]);
    expect(names(index.filter({ tag: "●" }))).toEqual(scheduling);
    expect(names(index.filter({ tag: "scheduling" }))).toEqual(scheduling);
    expect(index.filter({ tag: "nonsense" })).toEqual([]);
  });

  it("filters by reporter however cased, and by code link", () => {
    expect(index.filter({ reporter: "XIAOKAI" })).toHaveLength(20);
    expect(names(index.filter({ reporter: "hzq", hasCode: true }))).toEqual(["Cocktail"]);
  });

  it("combines filters", () => {
    expect(names(index.filter({ venue: "OSDI", reporter: "xiaokai", hasCode: true }))).toEqual(["AlpaServe"]);
  });
});
