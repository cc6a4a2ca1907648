import { describe, expect, it } from "vitest";
import { ListParseError, parseList } from "../../src/papers/index.js";
import { linkKind } from "../../src/papers/shapes/link-kind.js";

describe("what is and is not a paper", () => {
  it("tells paper links from code, other lists, badges, anchors and pages by their address", () => {
    const kinds = {
      "https://arxiv.org/abs/2312.06902v1": "paper",
      "https://dl.acm.org/doi/10.1145/3600006.3613175": "paper",
      "https://www.usenix.org/conference/osdi24/presentation/sun-biao": "paper",
      "https://openreview.net/forum?id=HkxaFoC9KQ": "paper",
      "https://proceedings.mlr.press/v80/pham18a/pham18a.pdf": "paper",
      "https://proceedings.neurips.cc/paper/2020/file/x-Paper.pdf": "paper",
      "https://aclanthology.org/2024.acl-long.1/": "paper",
      "https://ieeexplore.ieee.org/document/10890367": "paper",
      "https://example.edu/~me/paper.pdf": "paper",
      "https://github.com/vllm-project/vllm": "code",
      "https://github.com/Hannibal046/Awesome-LLM": "list",
      "https://img.shields.io/badge/Conference-ICML'23-blue": "badge",
      "#llm-serving": "local",
      "../notes/reef.md": "local",
      "javascript:alert(1)": "unsafe",
      "https://www.usenix.org/conference/osdi24": "other",
      "https://lilianweng.github.io/posts/2023-01-10-inference-optimization/": "other",
    };
    for (const [url, kind] of Object.entries(kinds)) expect([url, linkKind(url)]).toEqual([url, kind]);
  });

  it("refuses a README where nothing reads as a paper, saying what it found", () => {
    const readme = [
      "# Awesome tools",
      "![stars](https://img.shields.io/github/stars/a/b.svg)",
      "## Contents",
      "- [Serving](#serving)",
      "- [Training](#training)",
      "## Serving",
      "- [vLLM](https://github.com/vllm-project/vllm) | UCB",
      "- [Awesome LLM](https://github.com/Hannibal046/Awesome-LLM)",
      "- Systems for Machine Learning | (Stanford)[https://cs229s.stanford.edu/fall2023/]",
      "- [A blog post](https://lilianweng.github.io/posts/2023-01-10-inference-optimization/)",
    ].join("\n");
    expect(() => parseList(readme)).toThrow(ListParseError);
    expect(() => parseList(readme)).toThrow(/no paper table found.*no list item reads as a paper \(found 0 tables, 6 list items with no paper link or venue tag/);
  });

  it("reads one paper per '### Title:' heading with its Conference and Paper Link lines", () => {
    // No real list of this shape was found to copy (see the fixtures' SOURCE.md files); this is the issue's description of it.
    const markdown = [
      "## 2024",
      "### Title: Perseus: Removing Energy Bloat from Large Model Training",
      "Conference: SOSP 2024",
      "Paper Link: https://arxiv.org/abs/2312.06902",
      "Authors: Jae-Won Chung, Yile Gu, Mosharaf Chowdhury",
      "",
      "### Title: DistServe",
      "- Conference: OSDI'24",
      "- Paper Link: [arXiv](https://arxiv.org/abs/2401.09670)",
      "- Code: https://github.com/LLMServe/DistServe",
    ].join("\n");
    expect(parseList(markdown).papers).toEqual([
      expect.objectContaining({
        name: "Perseus",
        title: "Perseus: Removing Energy Bloat from Large Model Training",
        venue: "SOSP",
        year: 2024,
        authors: ["Jae-Won Chung", "Yile Gu", "Mosharaf Chowdhury"],
        links: { paper: "https://arxiv.org/abs/2312.06902" },
      }),
      expect.objectContaining({ name: "DistServe", venue: "OSDI", year: 2024, links: { paper: "https://arxiv.org/abs/2401.09670", code: "https://github.com/LLMServe/DistServe" } }),
    ]);
  });
});

describe("hostile lists", () => {
  it("reads names as clean text: no HTML, no script, no javascript: link, mentions kept as plain text", () => {
    const markdown = [
      "- [<b>Evil</b><script>alert(1)</script>](javascript:alert(1)) | OSDI'24",
      "- [@everyone Ping](https://arxiv.org/abs/2401.00001): a <img src=x onerror=alert(1)> subtitle",
      "<ul><li><a href=\"https://arxiv.org/abs/2401.00002\">Safe<script>document.write('x')</script> Title</a></li></ul>",
    ].join("\n");
    const list = parseList(markdown);
    expect(list.papers.map((p) => [p.name, p.links])).toEqual([
      ["@everyone Ping", { paper: "https://arxiv.org/abs/2401.00001" }],
      ["Safe Title", { paper: "https://arxiv.org/abs/2401.00002" }],
    ]);
    expect(list.papers.every((p) => !/[<>]/.test(`${p.name}${p.title ?? ""}`))).toBe(true);
  });

  it("keeps text that only looks like a tag, drops real tags", () => {
    const list = parseList("- [<!channel> <b>Bold</b>Serve](https://arxiv.org/abs/2401.00005) | OSDI'24\n");
    expect(list.papers.map((p) => [p.name, p.venue, p.year])).toEqual([["<!channel> BoldServe", "OSDI", 2024]]);
  });

  it("reads huge items and deep nesting without crashing, within bounds", () => {
    const huge = `- [${"A".repeat(300_000)}](https://arxiv.org/abs/2401.00001) | OSDI'24\n`;
    const deep = `${"  ".repeat(0)}${Array.from({ length: 500 }, (_, i) => `${"  ".repeat(i)}- level ${i}`).join("\n")}\n${"  ".repeat(500)}- [Deep](https://arxiv.org/abs/2401.00003)\n`;
    // markdown-it stops reading past its nesting limit: what is above the deep list is read.
    const list = parseList(`${huge}- [Fine](https://arxiv.org/abs/2401.00004)\n\n${deep}`);
    expect(list.papers.map((p) => p.name)).toContain("Fine");
    expect(list.papers.every((p) => p.name.length <= 200)).toBe(true);
    expect(list.warnings.some((w) => /longer than 200/.test(w.message))).toBe(true);
  });
});
