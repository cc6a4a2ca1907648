import { describe, expect, it } from "vitest";
import { paperNamed, parseFixture } from "../helpers/list-fixtures.js";

// Real bullet lists (test/fixtures/lists/*/SOURCE.md), with the papers a reader counts by hand.
describe("bullet lists of real paper lists", () => {
  it("reads LLMSys-PaperList's pre-training section: 79 papers, names and subtitles, venue tags and the years of their folds", () => {
    const list = parseFixture("llmsys/pre-training.md");
    expect(list.papers).toHaveLength(79);
    expect(paperNamed(list, "Perseus")).toMatchObject({
      title: "Perseus: Removing Energy Bloat from Large Model Training",
      venue: "SOSP",
      year: 2024,
      links: { paper: "https://arxiv.org/abs/2312.06902v1" },
    });
    // A short name before the colon of a title inside the link text, and a curly apostrophe in "PPoPP ’25".
    expect(paperNamed(list, "STAlloc")).toMatchObject({ venue: "EuroSys", year: 2026 });
    expect(paperNamed(list, "WeiPipe")).toMatchObject({ venue: "PPoPP", year: 2025 });
    // No venue tag: the year is the fold's (<summary><b>2025</b></summary>) or the bold group's (**2026**).
    expect(paperNamed(list, "Mixtera")).toMatchObject({ venue: null, year: 2025, links: { paper: "https://mboether.com/assets/pdf/bother2025mixtera.pdf" } });
    expect(paperNamed(list, "Kareus")).toMatchObject({ venue: null, year: 2026 });
    // "Before 2024" is not a year.
    expect(paperNamed(list, "Megatron-LM")).toMatchObject({ year: null, title: "Megatron-LM: Training Multi-Billion Parameter Language Models Using Model Parallelism" });
    // A long title before its colon is its own name; a link text ending in a colon joins its subtitle.
    expect(paperNamed(list, "Boosting Large-scale Parallel Training Efficiency with C4: A Communication-Driven Approach").title).toBeUndefined();
    expect(paperNamed(list, "Alibaba HPN").title).toBe("Alibaba HPN: A Data Center Network for Large Language ModelTraining");
    // No link at all, but a venue tag: a paper without a link.
    expect(paperNamed(list, "Enabling Parallelism Hot Switching for Efficient Training of Large Language Models")).toMatchObject({ venue: "SOSP", year: 2024, links: {} });
    expect(paperNamed(list, "Sailor")).toMatchObject({ venue: "SOSP", year: 2025 });
    expect(list.warnings).toEqual([]);
  });

  it("reads only the papers among LLMSys-PaperList's frameworks, leaderboards, blog posts, courses and other lists", () => {
    const list = parseFixture("llmsys/frameworks-and-readings.md");
    expect(list.papers.map((p) => p.name)).toEqual([
      "Agent Lightning",
      "Efficient Large Language Models",
      "Challenges and Applications of Large Language Models",
      "Beyond Efficiency",
      "Towards Efficient Generative Large Language Model Serving: A Survey from Algorithms to Systems",
      "Towards Efficient and Reliable LLM Serving: A Real-World Workload Study",
      "FlashInfer-Bench / LLMInfer-Bench",
      "DriftBench",
      "Charon",
      "ProfInfer",
      "Full Stack Optimization of Transformer Inference: a Survey",
    ]);
    expect(paperNamed(list, "DriftBench")).toMatchObject({ venue: "MLSys", year: 2026 });
  });

  it("reads Awesome-Large-Scale-LLM-Serving's bracketed venue tags: 50 papers, not its contents or badges", () => {
    const list = parseFixture("ketonmi/README.md");
    expect(list.papers).toHaveLength(50);
    expect(paperNamed(list, "Taming the Titans")).toMatchObject({ title: "Taming the Titans: A Survey of Efficient LLM Inference Serving", venue: "arXiv", year: 2025 });
    expect(paperNamed(list, "Llumnix")).toMatchObject({ venue: "OSDI", year: 2024, links: { paper: "https://www.usenix.org/conference/osdi24/presentation/sun-biao" } });
    expect(paperNamed(list, "POD-Attention")).toMatchObject({ venue: "ASPLOS", year: 2025 });
    // The trailing dot of "[Title.](url)" is not part of the title; a title without a short name is its own name.
    expect(paperNamed(list, "Fast State Restoration in LLM Serving with HCache")).toMatchObject({ venue: "EuroSys", year: 2025 });
    const names = list.papers.map((p) => p.name);
    for (const section of ["Survey", "Request & Job Scheduling", "Resource Management", "Serverless LLM Serving"]) expect(names).not.toContain(section);
  });

  it("reads checkbox items with the year of their author-year note", () => {
    const list = parseFixture("checkbox/tts-papers.md");
    expect(list.papers.map((p) => [p.name, p.year])).toEqual([
      ["Fastformer", 2021],
      ["Long-Short Transformer", 2021],
      ["Conformer", 2020],
      ["Reformer", 2020],
      ["Attention Is All You Need", 2017],
      ["DelightfulTTS", 2021],
      ["Rich Prosody Diversity Modelling with Phone-level Mixture Density Network", 2021],
      ["FastSpeech 2", 2020],
      ["One TTS Alignment To Rule Them All", 2021],
    ]);
    expect(paperNamed(list, "Fastformer").title).toBe("Fastformer: Additive Attention Can Be All You Need");
  });

  it("reads papers nested under date groups (**[2025.02.24]**): 55 items, 53 papers, each dated by its group", () => {
    const list = parseFixture("date-groups/week-papers.md");
    expect(list.papers).toHaveLength(53);
    expect(list.papers.every((p) => p.year === 2025 || p.name === "MEMORYLLM")).toBe(true);
    expect(paperNamed(list, "SVDq")).toMatchObject({ title: "SVDq: 1.25-bit and 410x Key Cache Compression for LLM Attention", year: 2025, venue: null });
    expect(paperNamed(list, "LServe")).toMatchObject({ venue: "MLSys", year: 2025 });
    expect(paperNamed(list, "MEMORYLLM")).toMatchObject({ venue: "ICML", year: 2024 });
    expect(list.duplicates.map((d) => d.name).sort()).toEqual(["LongFaith", "NestQuant"]);
  });

  it("reads mental2008's nested items: the paper link among notes links, the venue in a link to notes, sub-items not papers", () => {
    const list = parseFixture("mental2008/model-serving-bullets.md");
    expect(list.papers).toHaveLength(9);
    expect(paperNamed(list, "Paella")).toMatchObject({ venue: "SOSP", year: 2023, links: { paper: "https://dl.acm.org/doi/10.1145/3600006.3613163" } });
    expect(paperNamed(list, "Microsecond-scale Preemption for Concurrent GPU-accelerated DNN Inferences")).toMatchObject({
      venue: "OSDI",
      year: 2022,
      links: { paper: "https://www.usenix.org/conference/osdi22/presentation/han", code: "https://github.com/SJTU-IPADS/reef" },
    });
    expect(paperNamed(list, "TensorFlow-Serving")).toMatchObject({ venue: "NIPS", year: 2017 });
    expect(paperNamed(list, "A Survey of Large-Scale Deep Learning Serving System Optimization: Challenges and Opportunities")).toMatchObject({ venue: "arXiv", year: 2021 });
    expect(list.papers.some((p) => ["SJTU", "Stanford", "Google", "Best Paper"].includes(p.name))).toBe(false);
  });
});
