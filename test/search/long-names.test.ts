import { describe, expect, it } from "vitest";
import { parseList } from "../../src/papers/index.js";
import { PaperIndex } from "../../src/search/paper-index.js";
import { resolvePaper, type Resolution } from "../../src/search/resolve.js";
import { buildList, row } from "../helpers/list-builder.js";

// Multiword names over 32 characters, near-duplicates and short aliases side by side, as in the examples.
const index = new PaperIndex(
  parseList(
    buildList([
      row("Predictable Decoding for Long-Context Inference", { venue: "OSDI", year: "2024" }),
      row("Efficient Placement for Mixture-of-Experts Inference", { venue: "NSDI", year: "2024" }),
      row("Distributed Autoscaling for LoRA Adapter Inference", { venue: "ATC", year: "2023" }),
      row("Towards Transparent Deep Learning Decoding", { venue: "ICDCS", year: "2022" }),
      row("Serverless Migration of GPU Models", { venue: "SoCC", year: "2023" }),
      row("Serverless Migration of GPU Models Pro", { venue: "SoCC", year: "2024" }),
      row("OrcaFlow (OF)", { venue: "EuroSys", year: "2023" }),
      row("AlpaServe"),
      row("AlpaServe2", { year: "2024" }),
      row("UltraSwap"),
      row("UltraSwap (US)", { year: "2024" }),
      row("HexGen"),
      row("HexGen Lite", { year: "2024" }),
      row("Novano"),
      row("NOVASERVING"),
    ]),
  ),
);

function answer(found: Resolution): string | string[] | null {
  return found.kind === "one" ? found.paper.name : found.kind === "several" ? found.hits.map((h) => h.paper.name) : null;
}
const first = (found: Resolution) => (found.kind === "one" ? found.paper.name : found.kind === "several" ? found.hits[0]!.paper.name : null);

describe("a multiword name longer than 32 characters", () => {
  it("resolves with one or two typos, as a short name does", () => {
    expect(answer(resolvePaper(index, "Prdeictable Decoding for Long-Context Inference"))).toBe("Predictable Decoding for Long-Context Inference");
    expect(answer(resolvePaper(index, "Efficient Placeemnt for Mixture-of-Experts Inference"))).toBe("Efficient Placement for Mixture-of-Experts Inference");
    expect(first(resolvePaper(index, "Distribted Autoscaling for LoRA Adaptr Inference"))).toBe("Distributed Autoscaling for LoRA Adapter Inference");
    expect(answer(resolvePaper(index, "Towards Transparant Deep Learning Decodng"))).toBe("Towards Transparent Deep Learning Decoding");
  });

  it("is offered in autocomplete with a typo", () => {
    expect(index.suggest("Prdeictable Decoding for Long-Context Inference", 25)[0]?.paper.name).toBe("Predictable Decoding for Long-Context Inference");
  });

  it("resolves among extra words: a venue, a year, paper, the ... system, an author", () => {
    for (const query of [
      "paper Distributed Autoscaling for LoRA Adapter Inference",
      "Distributed Autoscaling for LoRA Adapter Inference ATC 2023",
      "the Distributed Autoscaling for LoRA Adapter Inference system",
      "Zhang Distributed Autoscaling for LoRA Adapter Inference",
    ]) {
      expect({ query, answer: answer(resolvePaper(index, query)) }).toEqual({ query, answer: "Distributed Autoscaling for LoRA Adapter Inference" });
    }
    expect(answer(resolvePaper(index, "Towards Transparent Deep Learning Decoding ICDCS"))).toBe("Towards Transparent Deep Learning Decoding");
  });

  it("is not taken for a short name whose alias is one of its words (\"of\" is not OrcaFlow)", () => {
    expect(first(resolvePaper(index, "Serverless Migratoin of GPU Models"))).toBe("Serverless Migration of GPU Models");
    expect(answer(resolvePaper(index, "the OrcaFlow system"))).toBe("OrcaFlow (OF)");
  });
});

describe("near-duplicate names", () => {
  it("pick the one the typo is closer to", () => {
    expect(first(resolvePaper(index, "Serverless Migration of GPU Models Por"))).toBe("Serverless Migration of GPU Models Pro");
    expect(first(resolvePaper(index, "Serverlss Migration of GPU Modls"))).toBe("Serverless Migration of GPU Models");
    expect(first(resolvePaper(index, "AlpaSrve2"))).toBe("AlpaServe2");
    expect(first(resolvePaper(index, "HexGen Lte"))).toBe("HexGen Lite");
  });

  it("keep a name among other words rather than another name the whole query is two typos from", () => {
    expect(answer(resolvePaper(index, "Novano serving"))).toBe("Novano");
  });

  it("give the longer name the query has whole among extra words", () => {
    expect(answer(resolvePaper(index, "HexGen Lite paper"))).toBe("HexGen Lite");
    expect(answer(resolvePaper(index, "AlpaServe2 OSDI"))).toBe("AlpaServe2");
  });

  it("rank a whole name before another paper's alias that is as close", () => {
    expect(first(resolvePaper(index, "UtlraSwap"))).toBe("UltraSwap");
    expect(first(resolvePaper(index, "the UltraSwap system"))).toBe("UltraSwap");
  });
});
