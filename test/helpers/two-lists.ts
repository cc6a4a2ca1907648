import { hashText, type Paper, type PaperList } from "../../src/papers/index.js";
import type { ListVersion } from "../../src/search/catalog.js";
import { bundledList, bundledText, TEST_NOW, testServices, type TestServiceOptions } from "./bundled.js";

/** A paper as a list's parse gives it (no `lists`: the merge sets those). */
function paper(name: string, over: Partial<Paper> = {}): Paper {
  return { id: name.toLowerCase(), name, aliases: [], year: 2024, venue: null, tags: [], links: {}, reporters: [], lines: [1], ...over };
}

/**
 * A second list, "llmsys", as a bullet list reads: SpotServe again (the same
 * arXiv id as on MSS-Papers: one paper on both lists), a different paper also
 * called Atom (another arXiv id: merged as "atom@llmsys"), and Perseus, on
 * llmsys only, with the full title and authors the list gives.
 */
export function llmsysList(): PaperList {
  return {
    papers: [
      paper("SpotServe", { year: 2024, venue: "ASPLOS", links: { paper: "https://arxiv.org/abs/2311.15566" } }),
      paper("Atom", {
        title: "Atom: Tokens Scheduled by Their Weight",
        authors: ["Ada Lovelace", "Alan Turing"],
        venue: "EuroSys",
        links: { paper: "https://arxiv.org/abs/2405.01234" },
      }),
      paper("Perseus", {
        title: "Perseus: Removing Energy Bloat from Large Model Training",
        authors: ["Jae-Won Chung", "Yile Gu", "Insu Jang", "Luoxi Meng", "Nikhil Bansal", "Mosharaf Chowdhury"],
        venue: "SOSP",
        links: { paper: "https://arxiv.org/abs/2312.06902" },
      }),
    ],
    software: [{ name: "vLLM", url: "https://github.com/vllm-project/vllm" }],
    legend: [],
    warnings: [],
    duplicates: [],
  };
}

/** The bundled MSS-Papers list as "mss", then llmsys. */
export function twoLists(): ListVersion[] {
  return [
    { id: "mss", list: bundledList(), hash: hashText(bundledText()), loadedAt: TEST_NOW },
    { id: "llmsys", list: llmsysList(), hash: "llmsys-1", loadedAt: TEST_NOW },
  ];
}

/** Test services following both lists. */
export const twoListServices = (over: TestServiceOptions = {}) => testServices(undefined, { ...over, loadedLists: twoLists() });
