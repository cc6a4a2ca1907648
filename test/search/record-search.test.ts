import { describe, expect, it } from "vitest";
import { hashText, parseList, type PaperList } from "../../src/papers/index.js";
import type { PaperRecord } from "../../src/papers/record.js";
import { hasAuthor } from "../../src/search/author-match.js";
import { Catalog } from "../../src/search/catalog.js";
import { PaperIndex } from "../../src/search/paper-index.js";
import { resolvePaper, type Resolution } from "../../src/search/resolve.js";
import { suggestionLabel } from "../../src/search/suggestion-label.js";
import { bundledList, bundledText } from "../helpers/bundled.js";
import { buildList, row } from "../helpers/list-builder.js";
import { SEARCH_RECORDS } from "../helpers/search-records.js";

const withRecords = new PaperIndex(bundledList(), SEARCH_RECORDS);
const withoutRecords = new PaperIndex(bundledList());

/** What a reader sees: one paper's name, or the names offered, or nothing. */
function answer(found: Resolution): string | string[] | null {
  return found.kind === "one" ? found.paper.name : found.kind === "several" ? found.hits.map((h) => h.paper.name) : null;
}

const record = (title: string, authors: string[] = []): PaperRecord => ({ title, authors, ids: {}, origins: {}, fetchedAt: "2026-11-01T00:00:00.000Z" });

function listOf(...rows: ReturnType<typeof row>[]): PaperList {
  return parseList(buildList(rows));
}

describe("title and author words, with the records", () => {
  it("finds AlpaServe by a word of its title, and by the start of one in autocomplete", () => {
    const found = resolvePaper(withRecords, "multiplexing");
    expect(answer(found)).toBe("AlpaServe");
    expect(found.kind === "one" && found.hit.match).toBe("text");
    expect(answer(resolvePaper(withRecords, "statistical multiplexing"))).toBe("AlpaServe");
    expect(withRecords.suggest("multiplex", 25).map((h) => h.paper.name)).toEqual(["AlpaServe"]);
  });

  it("takes a venue or a year alone for a filter, not a description, but uses them beside a title word", () => {
    expect(resolvePaper(withRecords, "osdi").kind).toBe("none");
    expect(resolvePaper(withRecords, "NSDI 2023").kind).toBe("none");
    expect(answer(resolvePaper(withRecords, "serving NSDI"))).toBe("Shepherd");
  });

  it("finds nothing by title words without records", () => {
    expect(resolvePaper(withoutRecords, "multiplexing").kind).toBe("none");
  });

  it("offers every paper whose title has the words, when several do", () => {
    // "Serving" is in the titles of all three recorded papers; the title it is more of comes first.
    expect(answer(resolvePaper(withRecords, "serving"))).toEqual(["Shepherd", "SpotServe", "AlpaServe"]);
  });

  it("finds an author's papers by the whole name, case- and accent-insensitive", () => {
    expect(answer(resolvePaper(withRecords, "Zhihao Jia"))).toBe("SpotServe");
    expect(answer(resolvePaper(withRecords, "zhíhao JIA"))).toBe("SpotServe");
    expect(answer(resolvePaper(withRecords, "Ion Stoica"))).toEqual(["Shepherd", "AlpaServe"]);
  });

  it("lets a name win over a title word", () => {
    const list = listOf(row("Shepherd", { venue: "NSDI" }), row("Wild", { venue: "OSDI" }));
    const index = new PaperIndex(list, new Map([["shepherd", record("SHEPHERD: Serving DNNs in the Wild")]]));
    expect(answer(resolvePaper(index, "wild"))).toBe("Wild");
    expect(index.suggest("wild", 25).map((h) => [h.paper.name, h.match])).toEqual([
      ["Wild", "exact"],
      ["Shepherd", "text"],
    ]);
    // A name's prefix too: "wil" starts the name Wild before it starts the title word.
    expect(answer(resolvePaper(index, "wil"))).toBe("Wild");
  });
});

describe("a name among extra words", () => {
  it.each([
    ["AlpaServe paper", "AlpaServe"],
    ["the Shepherd system", "Shepherd"],
    ["Shepherd NSDI", "Shepherd"],
    ["SpotServe 2024", "SpotServe"],
    ["paper on SpotServe please", "SpotServe"],
    ["Spot Serve paper", "SpotServe"],
    ["CBA/AutoCBA INFOCOM", "CBA/AutoCBA"],
  ])("%j resolves to %s, with or without records", (query, name) => {
    for (const index of [withRecords, withoutRecords]) {
      const found = resolvePaper(index, query);
      expect(answer(found)).toBe(name);
      expect(found.kind === "one" && found.hit.match).toBe("named");
    }
  });

  it("picks, of papers sharing a name, the one whose venue or year the other words give", () => {
    const list = listOf(row("CBA/AutoCBA", { venue: "INFOCOM", year: "2023" }), row("CBA/FastCBA", { venue: "OSDI", year: "2021" }));
    const index = new PaperIndex(list);
    expect(answer(resolvePaper(index, "CBA"))).toEqual(["CBA/AutoCBA", "CBA/FastCBA"]);
    expect(answer(resolvePaper(index, "CBA OSDI"))).toBe("CBA/FastCBA");
    expect(answer(resolvePaper(index, "CBA 2023"))).toBe("CBA/AutoCBA");
    expect(answer(resolvePaper(index, "the CBA paper"))).toEqual(["CBA/AutoCBA", "CBA/FastCBA"]);
  });

  it("offers both papers when two are named", () => {
    expect(answer(resolvePaper(withoutRecords, "AlpaServe vs SpotServe"))).toEqual(["SpotServe", "AlpaServe"]);
  });

  it("still corrects a typo in the name when the other words are stopwords", () => {
    expect(answer(resolvePaper(withoutRecords, "the Shepard paper"))).toBe("Shepherd");
  });
});

describe("queries longer than a name", () => {
  it("do not reach the typo stage, and still answer", () => {
    const long = `${"statistical multiplexing ".repeat(20)}zzz`;
    expect(withRecords.typoQuery(long)).toBeNull();
    expect(resolvePaper(withRecords, long)).toEqual({ kind: "none", suggestions: [] });
    expect(withRecords.suggest(long, 25)).toEqual([]);
    expect(answer(resolvePaper(withRecords, "statistical multiplexing with model parallelism for deep learning serving"))).toBe("AlpaServe");
  });
});

describe("the index follows the records", () => {
  it("is rebuilt once when the records change, and keeps them across a list change", () => {
    const catalog = new Catalog(bundledList(), hashText(bundledText()));
    const before = catalog.index;
    expect(resolvePaper(catalog.index, "multiplexing").kind).toBe("none");
    catalog.replaceRecords(SEARCH_RECORDS);
    expect(catalog.index).not.toBe(before);
    expect(catalog.index).toBe(catalog.index);
    expect(answer(resolvePaper(catalog.index, "multiplexing"))).toBe("AlpaServe");
    const next = `${bundledText()}| NewOne | 2024 | OSDI | | | | | | hzq |\n`;
    expect(catalog.replace(parseList(next), hashText(next))).toBe(true);
    expect(answer(resolvePaper(catalog.index, "multiplexing"))).toBe("AlpaServe");
  });
});

describe("matching an author's name", () => {
  const rec = record("A Title", ["José García-López", "Ion Stoica", "Zoë Müller"]);

  it("ignores case and accents on either side", () => {
    expect(hasAuthor(rec, "jose garcia-lopez")).toBe(true);
    expect(hasAuthor(rec, "ZOE MULLER")).toBe(true);
    expect(hasAuthor(rec, "Íon Stóica")).toBe(true);
  });

  it("takes a surname alone, or with initials", () => {
    expect(hasAuthor(rec, "Stoica")).toBe(true);
    expect(hasAuthor(rec, "I. Stoica")).toBe(true);
    expect(hasAuthor(rec, "J. Stoica")).toBe(false);
  });

  it("does not join words of two authors, and needs a record", () => {
    expect(hasAuthor(rec, "Ion Müller")).toBe(false);
    expect(hasAuthor(undefined, "Ion Stoica")).toBe(false);
    expect(hasAuthor(rec, "  ")).toBe(false);
  });
});

describe("the autocomplete label", () => {
  const alpaserve = bundledList().papers.find((p) => p.id === "alpaserve")!;

  it("is the name and the title, cut at a word with an ellipsis, without repeating the name", () => {
    expect(suggestionLabel(alpaserve, SEARCH_RECORDS.get("alpaserve"))).toBe("AlpaServe — Statistical Multiplexing with Model Parallelism…");
  });

  it("keeps a short title whole, and a title that does not start with the name", () => {
    const shepherd = bundledList().papers.find((p) => p.id === "shepherd")!;
    expect(suggestionLabel(shepherd, SEARCH_RECORDS.get("shepherd"))).toBe("Shepherd — Serving DNNs in the Wild");
    expect(suggestionLabel(alpaserve, record("Serving Models: Fast"))).toBe("AlpaServe — Serving Models: Fast");
  });

  it("is null without a title", () => {
    expect(suggestionLabel(alpaserve, undefined)).toBeNull();
  });
});
