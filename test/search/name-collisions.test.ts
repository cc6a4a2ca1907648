import { describe, expect, it } from "vitest";
import { suggestChoices } from "../../adapters/discord/interactions/suggest.js";
import type { Paper, PaperList } from "../../src/papers/index.js";
import { Catalog } from "../../src/search/catalog.js";
import { resolvePaper } from "../../src/search/resolve.js";

function paper(name: string, arxiv: string, over: Partial<Paper> = {}): Paper {
  return { id: name.toLowerCase(), name, aliases: [], year: 2022, venue: "OSDI", tags: [], links: { paper: `https://arxiv.org/abs/${arxiv}` }, reporters: [], lines: [1], ...over };
}
const listOf = (papers: Paper[]): PaperList => ({ papers, software: [], legend: [], warnings: [], duplicates: [] });
const at = new Date("2026-11-28T12:00:00Z");

/** mss has Orca and OrcaServe; llmsys has a different Orca (another arXiv id) and Perseus with its title and authors. */
const catalog = Catalog.ofLists([
  { id: "mss", list: listOf([paper("Orca", "2201.00001"), paper("OrcaServe", "2201.00002")]), hash: "a", loadedAt: at },
  {
    id: "llmsys",
    list: listOf([
      paper("Orca", "2301.00009", { title: "Orca: Iteration-Level Scheduling for Transformer Serving", venue: "OSDI" }),
      paper("Perseus", "2312.06902", { title: "Perseus: Removing Energy Bloat from Large Model Training", authors: ["Jae-Won Chung", "Mosharaf Chowdhury"], venue: "SOSP", year: 2024 }),
    ]),
    hash: "b",
    loadedAt: at,
  },
]);

describe("a name two lists give to two different papers", () => {
  it("resolves to both papers, and to nothing that only starts with it", () => {
    const found = resolvePaper(catalog.index, "Orca");
    expect(found.kind).toBe("several");
    expect(found.kind === "several" && found.hits.map((h) => [h.paper.id, h.paper.lists, h.match])).toEqual([
      ["orca", ["mss"], "exact"],
      ["orca@llmsys", ["llmsys"], "exact"],
    ]);
  });

  it("resolves a typo of it to both papers as well", () => {
    const found = resolvePaper(catalog.index, "Orcca");
    expect(found.kind === "several" && found.hits.map((h) => h.paper.id).slice(0, 2).sort()).toEqual(["orca", "orca@llmsys"]);
  });

  it("resolves each paper's id, or its name with its list, to that paper alone", () => {
    const found = resolvePaper(catalog.index, "orca@llmsys");
    expect(found.kind === "one" && found.paper.lists).toEqual(["llmsys"]);
    expect(resolvePaper(catalog.index, "Orca@mss")).toMatchObject({ kind: "one", paper: { id: "orca" } });
    expect(resolvePaper(catalog.index, "OrcaServe")).toMatchObject({ kind: "one", paper: { id: "orcaserve" } });
  });

  it("is labelled with each paper's list in autocomplete, valued by its id", () => {
    const choices = suggestChoices("papers", "orca", catalog);
    expect(choices.slice(0, 2)).toEqual([
      { name: "Orca (mss) (OSDI 2022)", value: "orca@mss" },
      { name: "Orca (llmsys) — Iteration-Level Scheduling for Transformer…", value: "orca@llmsys" },
    ]);
    // A name no other list took is shown as before.
    expect(choices).toContainEqual({ name: "OrcaServe (OSDI 2022)", value: "orcaserve" });
  });
});

describe("the titles and authors a list gives", () => {
  it("find the paper by its title's words and by an author", () => {
    expect(resolvePaper(catalog.index, "energy bloat")).toMatchObject({ kind: "one", paper: { name: "Perseus" } });
    expect(resolvePaper(catalog.index, "Chowdhury")).toMatchObject({ kind: "one", paper: { name: "Perseus" } });
  });

  it("label the paper in autocomplete", () => {
    expect(suggestChoices("papers", "perse", catalog)).toEqual([{ name: "Perseus — Removing Energy Bloat from Large Model Training", value: "perseus" }]);
  });
});
