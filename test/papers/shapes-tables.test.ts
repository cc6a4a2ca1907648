import { describe, expect, it } from "vitest";
import { parseList } from "../../src/papers/index.js";
import { paperNamed, parseFixture } from "../helpers/list-fixtures.js";

// Real tables (test/fixtures/lists/*/SOURCE.md), with the papers a reader counts by hand.
describe("tables of real paper lists", () => {
  it("reads Awesome-LLM-Inference's Date|Title|Paper|Code tables: 37 papers of 46 rows, code releases and docs left out", () => {
    const list = parseFixture("xlite/four-tables.md");
    expect(list.papers).toHaveLength(37);
    expect(paperNamed(list, "DistServe")).toMatchObject({
      title: "DistServe: Disaggregating Prefill and Decoding for Goodput-optimized Large Language Model Serving",
      year: 2024,
      links: { paper: "https://arxiv.org/pdf/2401.09670", code: "https://github.com/LLMServe/DistServe" },
    });
    // 🔥 marks, the (@org) suffix and the bold brackets are not part of the name or title.
    expect(paperNamed(list, "DeepSeek-NSA")).toMatchObject({ title: "Native Sparse Attention: Hardware-Aligned and Natively Trainable Sparse Attention", year: 2025 });
    expect(paperNamed(list, "LLMCompass").title).toBe("A Hardware Evaluation Framework for Large Language Model Inference");
    // A PDF on GitHub is the paper; the repository beside it is the code.
    expect(paperNamed(list, "Mooncake").links).toEqual({ paper: "https://github.com/kvcache-ai/Mooncake/blob/main/Mooncake-v1.pdf", code: "https://github.com/kvcache-ai/Mooncake" });
    const names = list.papers.map((p) => p.name);
    for (const notPaper of ["FlashMLA", "DualPipe", "DeepEP", "DeepGEMM", "EPLB", "3FS", "推理系统", "CP: Megatron-LM", "FSDP 1/2"]) expect(names).not.toContain(notPaper);
    expect(names.every((n) => !/[🔥⭐<>@]/u.test(n))).toBe(true);
  });

  it("reads Awesome-Efficient-LLM's Title & Authors table: the title after the badges, the authors after <br>, the venue in a shield badge", () => {
    const list = parseFixture("horseee/pruning.md");
    expect(list.papers).toHaveLength(38);
    expect(paperNamed(list, "SparseGPT")).toEqual(
      expect.objectContaining({
        title: "SparseGPT: Massive Language Models Can Be Accurately Pruned in One-Shot",
        authors: ["Elias Frantar", "Dan Alistarh"],
        venue: "ICML",
        year: 2023,
        links: { paper: "https://arxiv.org/abs/2301.00774", code: "https://github.com/IST-DASLab/sparsegpt" },
      }),
    );
    expect(paperNamed(list, "MaskLLM")).toMatchObject({ venue: "NeurIPS", year: 2024 });
    expect(paperNamed(list, "A Simple and Effective Pruning Approach for Large Language Models").authors).toEqual(["Mingjie Sun", "Zhuang Liu", "Anna Bair", "J. Zico Kolter"]);
    // No badge: no venue, no year, and no warning about a missing year column.
    expect(paperNamed(list, "HashAttention")).toMatchObject({ venue: null, year: null });
    expect(list.warnings).toEqual([]);
    // The "Quick Link" contents above the table link #anchors: not papers.
    const names = list.papers.map((p) => p.name);
    for (const section of ["Network Pruning / Sparsity", "Knowledge Distillation", "Quantization", "Survey", "Efficient MOE"]) expect(names).not.toContain(section);
  });

  it("reads mental2008's raw HTML tables (<ul><li> links in cells) through the HTML parser: 8 papers", () => {
    const list = parseFixture("mental2008/model-serving-html.md");
    expect(list.papers.map((p) => p.name)).toEqual([
      "REEF",
      "INFaaS",
      "Clipper",
      "TensorFlow Serving",
      "Falcon",
      "Morphling",
      "A survey of multi-tenant deep learning inference on GPU",
      "A survey of large-scale deep learning serving system optimization: Challenges and opportunities",
    ]);
    expect(paperNamed(list, "REEF")).toMatchObject({
      venue: "OSDI",
      year: 2022,
      links: { paper: "https://www.usenix.org/conference/osdi22/presentation/han", code: "https://github.com/SJTU-IPADS/reef" },
    });
    expect(paperNamed(list, "A survey of multi-tenant deep learning inference on GPU")).toMatchObject({ venue: "MLSys", year: 2022 });
  });

  it("maps clear Chinese headers and publisher/date columns like English ones", () => {
    const markdown = [
      "| 年份 | 标题 | 会议 | 作者 | 论文链接 | 代码 |",
      "| --- | --- | --- | --- | --- | --- |",
      "| 2024.05 | Perseus: Removing Energy Bloat from Large Model Training | SOSP | Jae-Won Chung, Mosharaf Chowdhury | [pdf](https://arxiv.org/abs/2312.06902) | [code](https://github.com/ml-energy/zeus) |",
      "",
      "| Date | Paper Title | Publisher |",
      "| --- | --- | --- |",
      "| Jun 2023 | [**Orca**](https://www.usenix.org/conference/osdi22/presentation/yu). | OSDI |",
    ].join("\n");
    const list = parseList(markdown);
    expect(list.papers).toEqual([
      expect.objectContaining({
        name: "Perseus",
        title: "Perseus: Removing Energy Bloat from Large Model Training",
        authors: ["Jae-Won Chung", "Mosharaf Chowdhury"],
        year: 2024,
        venue: "SOSP",
        links: { paper: "https://arxiv.org/abs/2312.06902", code: "https://github.com/ml-energy/zeus" },
      }),
      expect.objectContaining({ name: "Orca", year: 2023, venue: "OSDI", links: { paper: "https://www.usenix.org/conference/osdi22/presentation/yu" } }),
    ]);
  });
});
