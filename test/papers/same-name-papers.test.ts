import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseList } from "../../src/papers/index.js";
import { paperRef } from "../../src/replies/paper-card.js";
import { run, testServices } from "../helpers/bundled.js";

// Lines of LLMSys-PaperList's README (test/fixtures/lists/llmsys/SOURCE.md names the commit).
const lines = readFileSync(new URL("../fixtures/lists/llmsys/README.md", import.meta.url), "utf8").split("\n");
const line = (n: number) => lines[n - 1] as string;

describe("papers of one list whose names fold alike", () => {
  it("keeps two papers apart when their links or full titles say they differ, the later one as <id>-2", () => {
    const list = parseList(["## Papers", "", line(92), line(311), line(313), line(331), ""].join("\n"));
    expect(list.papers.map((p) => [p.id, p.name, p.year])).toEqual([
      ["tempo", "Tempo", 2025],
      ["sageattention2", "SageAttention2", 2025],
      ["sageattention2-2", "SageAttention2++", 2025],
      ["tempo-2", "Tempo", null],
    ]);
    expect(list.papers.find((p) => p.id === "tempo-2")?.title).toBe("Tempo: Application-aware LLM Serving with Mixed SLO Requirements");
    expect(list.duplicates).toEqual([]);
  });

  it("still merges one paper listed twice (same arXiv id, or the same name with nothing to tell them apart)", () => {
    const list = parseList(["## Papers", "", line(311), line(311).replace("arxiv.org/pdf/", "arxiv.org/abs/"), ""].join("\n"));
    expect(list.papers.map((p) => p.id)).toEqual(["sageattention2"]);
    expect(list.duplicates.map((d) => d.name)).toEqual(["SageAttention2"]);
  });
});

describe("looking up papers of one list that share a name", () => {
  it("offers both, and each pick-list value answers with its own paper", async () => {
    const s = testServices(["## Papers", "", line(92), line(331), ""].join("\n"));
    const several = await run("paper", { query: "Tempo" }, s);
    expect(several.kind).toBe("choices");
    const options = several.kind === "choices" ? several.options : [];
    expect(options.map((c) => [c.id, c.title])).toEqual([
      ["tempo", "Tempo: Compiled Dynamic Deep Learning with Symbolic Dependence Graphs"],
      ["tempo-2", "Tempo: Application-aware LLM Serving with Mixed SLO Requirements"],
    ]);
    for (const option of options) {
      const picked = await run("paper", { query: paperRef(option) }, s);
      expect(picked.kind === "paper" && picked.card.id).toBe(option.id);
    }
  });
});
