import { describe, expect, it } from "vitest";
import { parseList } from "../../src/papers/index.js";

describe("a bullet item whose paper has a two-character name", () => {
  it("reads S4 as the paper, while [1] and [x] stay link marks", () => {
    const list = parseList(
      [
        "## Papers",
        "",
        "- [S4](https://arxiv.org/abs/2111.00396): Efficiently Modeling Long Sequences with Structured State Spaces | ICLR 2022",
        "- Efficient Memory Management for Large Language Model Serving with PagedAttention [1](https://arxiv.org/abs/2309.06180) | SOSP' 23",
        "",
      ].join("\n"),
    );
    expect(list.papers.map((p) => [p.name, p.venue, p.year])).toEqual([
      ["S4", "ICLR", 2022],
      ["Efficient Memory Management for Large Language Model Serving with PagedAttention", "SOSP", 2023],
    ]);
  });
});
