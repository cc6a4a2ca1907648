import { describe, expect, it } from "vitest";
import { mergeLists } from "../../src/papers/merge-lists.js";
import type { Paper, PaperList } from "../../src/papers/model.js";
import { Catalog } from "../../src/search/catalog.js";

const paper = (name: string, extra: Partial<Paper> = {}): Paper => ({
  id: name.toLowerCase().replace(/[^a-z0-9]/g, ""),
  name,
  aliases: [],
  year: null,
  venue: null,
  tags: [],
  links: {},
  reporters: [],
  lines: [1],
  ...extra,
});
const list = (...papers: Paper[]): PaperList => ({ papers, software: [], legend: [], warnings: [], duplicates: [] });

describe("mergeLists", () => {
  it("makes one paper of the same arXiv id under two names, naming both lists, first list's fields first", () => {
    const mss = list(paper("AlpaServe", { year: 2023, venue: "OSDI", links: { paper: "https://www.usenix.org/conference/osdi23/presentation/li-zhouhan" }, reporters: ["Xiao Kai"] }));
    const llmsys = list(
      paper("Perseus", { title: "Perseus: Removing Energy Bloat from Large Model Training", venue: "SOSP", year: 2024, links: { paper: "https://arxiv.org/abs/2312.06902v1" } }),
      paper("Perseus energy", { links: { paper: "https://arxiv.org/pdf/2312.06902.pdf" }, venue: "arXiv" }),
    );
    const other = list(paper("Zeus-Perseus", { links: { paper: "https://arxiv.org/abs/2312.06902", code: "https://github.com/ml-energy/zeus" } }));
    const { list: merged, origins } = mergeLists([
      { id: "mss", list: mss },
      { id: "llmsys", list: llmsys },
      { id: "energy", list: other },
    ]);
    // Two items of one list with the same arXiv id stay two papers of that list (its own duplicates are its parser's business).
    expect(merged.papers.map((p) => [p.id, p.lists])).toEqual([
      ["alpaserve", ["mss"]],
      ["perseus", ["llmsys", "energy"]],
      ["perseusenergy", ["llmsys"]],
    ]);
    const perseus = merged.papers[1] as Paper;
    expect(perseus.venue).toBe("SOSP");
    expect(perseus.links.code).toBe("https://github.com/ml-energy/zeus");
    expect(perseus.aliases).toEqual(["Zeus-Perseus"]);
    expect(origins.get("perseus")).toEqual([
      { list: "llmsys", paperId: "perseus" },
      { list: "energy", paperId: "zeusperseus" },
    ]);
  });

  it("matches by full title when a list gives no arXiv id or DOI, and by name when one has no title", () => {
    const a = list(paper("DistServe", { year: 2024 }));
    const b = list(paper("DistServe", { title: "DistServe: Disaggregating Prefill and Decoding", links: { paper: "https://www.usenix.org/system/files/osdi24-zhong-yinmin.pdf" } }));
    const c = list(paper("DistServe: Disaggregating prefill and decoding", { title: "DistServe: Disaggregating Prefill and Decoding" }));
    const merged = mergeLists([
      { id: "a", list: a },
      { id: "b", list: b },
      { id: "c", list: c },
    ]).list.papers;
    expect(merged).toHaveLength(1);
    expect(merged[0]?.lists).toEqual(["a", "b", "c"]);
    expect(merged[0]?.title).toBe("DistServe: Disaggregating Prefill and Decoding");
    expect(merged[0]?.year).toBe(2024);
  });

  it("keeps two different papers that share a name apart, the later one under <name>@<list>", () => {
    const a = list(paper("Orca", { links: { paper: "https://arxiv.org/abs/2001.00001" } }));
    const b = list(paper("Orca", { links: { paper: "https://arxiv.org/abs/2306.99999" } }));
    const merged = mergeLists([
      { id: "serving", list: a },
      { id: "llmsys", list: b },
    ]).list.papers;
    expect(merged.map((p) => [p.id, p.name, p.lists])).toEqual([
      ["orca", "Orca", ["serving"]],
      ["orca@llmsys", "Orca", ["llmsys"]],
    ]);
  });

  it("prefixes each list's warnings with its id when several lists are followed", () => {
    const a: PaperList = { ...list(paper("A")), warnings: [{ line: 3, message: "bad row" }] };
    expect(mergeLists([{ id: "a", list: a }]).list.warnings).toEqual([{ line: 3, message: "bad row" }]);
    expect(mergeLists([{ id: "a", list: a }, { id: "b", list: list() }]).list.warnings).toEqual([{ line: 3, message: "a: bad row" }]);
  });
});

describe("Catalog of several lists", () => {
  it("answers from the merged lists and swaps one list at a time", () => {
    const now = new Date("2026-12-06T00:00:00Z");
    const catalog = Catalog.ofLists(
      [
        { id: "mss", list: list(paper("AlpaServe")), hash: "h1", loadedAt: now },
        { id: "llmsys", list: list(), hash: "", loadedAt: now },
      ],
      undefined,
      now,
    );
    expect(catalog.listIds).toEqual(["mss", "llmsys"]);
    expect(catalog.index.search("alpaserve")[0]?.paper.lists).toEqual(["mss"]);
    expect(catalog.replaceList("llmsys", list(paper("AlpaServe"), paper("Perseus")), "h2", now)).toBe(true);
    expect(catalog.replaceList("llmsys", list(), "h2", now)).toBe(false);
    expect(catalog.replaceList("nope", list(), "h3", now)).toBe(false);
    expect(catalog.list.papers.map((p) => [p.name, p.lists])).toEqual([
      ["AlpaServe", ["mss", "llmsys"]],
      ["Perseus", ["llmsys"]],
    ]);
    expect(catalog.listVersion("llmsys")?.hash).toBe("h2");
    expect(catalog.origins("perseus")).toEqual([{ list: "llmsys", paperId: "perseus" }]);
  });
});
