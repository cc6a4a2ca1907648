import { describe, expect, it } from "vitest";
import { diffLists, PaperListSchema } from "../../src/papers/index.js";
import { parseListIsolated } from "../../src/papers/parse-isolated.js";
import { listFixture, parseFixture } from "../helpers/list-fixtures.js";

const NOT_PAPER_NAME = /^(table of contents|contents|news|introduction|license|citation|star history|📖.*)$/i;

// Whole READMEs of real lists: they read without crashing, every paper valid and named as clean text.
describe("whole READMEs of real paper lists", () => {
  it.each([
    ["llmsys/README.md", 520, 600],
    ["xlite/README.md", 290, 340],
    ["date-groups/README.md", 740, 800],
  ])("reads %s into a plausible number of valid papers with clean names", (path, least, most) => {
    const list = parseFixture(path);
    expect(list.papers.length).toBeGreaterThanOrEqual(least);
    expect(list.papers.length).toBeLessThanOrEqual(most);
    expect(PaperListSchema.safeParse(list).success).toBe(true);
    for (const paper of list.papers) {
      expect(paper.name).not.toMatch(/[<>]|🔥|⭐|\(@|^\s|\s$|\.$/u);
      expect(paper.name).not.toMatch(NOT_PAPER_NAME);
      for (const url of Object.values(paper.links)) expect(url).toMatch(/^https?:\/\//);
    }
  });

  it("reads the 286 KB README in the worker exactly as in-process", async () => {
    const text = listFixture("date-groups/README.md");
    expect(await parseListIsolated(text)).toEqual(parseFixture("date-groups/README.md"));
  });
});

describe("two consecutive versions of a real bullet list", () => {
  it("finds exactly the 10 papers that commit bda87d4 added to LLMSys-PaperList, and no change from a trailing space", () => {
    const diff = diffLists(parseFixture("llmsys-diff/README.before.md"), parseFixture("llmsys-diff/README.after.md"));
    expect(diff.added.map((p) => p.name)).toEqual([
      "MoSE",
      "GoCkpt",
      "BitSnap",
      "MoEless",
      "Online Scheduling for LLM Inference with KV Cache Constraints: Optimal Batching and Scheduling for KV Cache-Constrained Inference",
      "BiScale",
      "Harvest",
      "Reducing GPU Memory Fragmentation via Spatio-Temporal Allocation Planning",
      "dLLM-Serve",
      "HADIS",
    ]);
    expect(diff.added.find((p) => p.name === "GoCkpt")).toMatchObject({ venue: "PPoPP", year: 2026, links: { paper: "https://arxiv.org/abs/2511.07035" } });
    expect(diff.removed).toEqual([]);
    expect(diff.changed).toEqual([]);
  });
});
