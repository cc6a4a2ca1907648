import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ArxivSource } from "../../src/scholar/arxiv-source.js";
import { DblpSource } from "../../src/scholar/dblp-source.js";
import { SourceError } from "../../src/scholar/http-source.js";
import { S2Source } from "../../src/scholar/s2-source.js";
import { FakeClock, SPOTSERVE_ARXIV, startFakeScholar, type FakeScholar } from "./scholar-fixtures.js";

let fake: FakeScholar;
beforeEach(async () => {
  fake = await startFakeScholar();
});
afterEach(async () => {
  await fake.stop();
});

const gaps = (times: number[]) => times.slice(1).map((t, i) => t - (times[i] as number));

describe("the arXiv source", () => {
  it("reads an Atom entry with several authors and a DOI, and leaves out ids arXiv does not know", async () => {
    const entries = await fake.sources().arxiv.entries(["2311.15566", "9999.99999"]);
    expect([...entries.keys()]).toEqual(["2311.15566"]);
    expect(entries.get("2311.15566")).toEqual({
      id: "2311.15566",
      title: SPOTSERVE_ARXIV.title,
      abstract: SPOTSERVE_ARXIV.summary,
      authors: SPOTSERVE_ARXIV.authors,
      published: SPOTSERVE_ARXIV.published,
      doi: "10.1145/3620665.3640411",
    });
  });

  it("asks for many ids in batches, at most one request every 3 s", async () => {
    const ids = Array.from({ length: 45 }, (_, i) => `2401.${String(10000 + i)}`);
    await fake.sources().arxiv.entries(ids);
    expect(fake.arxiv.idLists.map((l) => l.length)).toEqual([20, 20, 5]);
    expect(Math.min(...gaps(fake.arxiv.requests.map((r) => r.at)))).toBeGreaterThanOrEqual(3000);
  });

  it("turns malformed XML, a 500 and a timeout into source errors", async () => {
    fake.arxiv.fail({ kind: "malformed" }, { kind: "500" }, { kind: "timeout" });
    const arxiv = new ArxivSource(fake.arxiv.url, { clock: fake.clock, timeoutMs: 300 });
    await expect(arxiv.entries(["2311.15566"])).rejects.toThrow(/arxiv: malformed XML/);
    await expect(arxiv.entries(["2311.15566"])).rejects.toThrow(/arxiv: HTTP 500/);
    await expect(arxiv.entries(["2311.15566"])).rejects.toThrow(/arxiv: no answer within 300 ms/);
  });
});

describe("the DBLP source", () => {
  it("reads one author as an object and several as an array, without closing periods or disambiguation numbers", async () => {
    const [other] = await fake.sources().dblp.search("Shepherd NSDI", 10);
    expect(other).toMatchObject({ title: "Shepherd: A Fixture Paper on Something Else", authors: ["Ann Example"], venue: "ICML", year: 2019 });
    const hits = await fake.sources().dblp.search("AlpaServe OSDI", 10);
    expect(hits.map((h) => h.key)).toEqual(["conf/osdi/LiZZL00HHZGS23", "journals/corr/abs-2302-11665"]);
    expect(hits[0]?.authors).toHaveLength(11);
    expect(hits[0]?.authors).toContain("Hao Zhang");
    expect(hits[0]?.title).toBe("AlpaServe: Statistical Multiplexing with Model Parallelism for Deep Learning Serving");
    expect(await fake.sources().dblp.search("Nothing Here", 10)).toEqual([]);
    expect(fake.dblp.requests[0]?.query.get("format")).toBe("json");
  });

  it("gets a record's BibTeX, and null for a key DBLP does not have", async () => {
    const dblp = fake.sources().dblp;
    expect(await dblp.bibtex("conf/osdi/LiZZL00HHZGS23")).toMatch(/^@inproceedings\{DBLP:conf\/osdi\/LiZZL00HHZGS23,/);
    expect(await dblp.bibtex("conf/none/Nobody99")).toBeNull();
  });

  it("waits out a 429 as long as Retry-After says, and otherwise keeps one request per second", async () => {
    fake.dblp.fail({ kind: "429", retryAfter: "7" });
    const dblp = new DblpSource(fake.dblp.url, { clock: fake.clock });
    await dblp.search("AlpaServe OSDI", 10);
    await dblp.search("Shepherd NSDI", 10);
    await dblp.search("AlpaServe OSDI", 10);
    expect(fake.dblp.requests.map((r) => r.status)).toEqual([429, 200, 200, 200]);
    const [afterRetry, ...rest] = gaps(fake.dblp.requests.map((r) => r.at));
    expect(afterRetry).toBeGreaterThanOrEqual(7000);
    for (const gap of rest) expect(gap).toBeGreaterThanOrEqual(1000);
  });

  it("gives up after repeated 429s with the source's wait, and reports malformed JSON and 500s", async () => {
    fake.dblp.fail({ kind: "429", retryAfter: "2" }, { kind: "429", retryAfter: "2" }, { kind: "429", retryAfter: "30" }, { kind: "malformed" }, { kind: "500" });
    const dblp = new DblpSource(fake.dblp.url, { clock: fake.clock });
    const error = await dblp.search("AlpaServe OSDI", 10).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceError);
    expect(error).toMatchObject({ source: "dblp", retryAfterMs: 30_000 });
    await expect(dblp.search("AlpaServe OSDI", 10)).rejects.toThrow(/dblp: malformed JSON/);
    await expect(dblp.search("AlpaServe OSDI", 10)).rejects.toThrow(/dblp: HTTP 500/);
  });
});

describe("the Semantic Scholar source", () => {
  it("reads a paper with a TL;DR and one without, and a 404 as not there", async () => {
    const s2 = fake.sources({ apiKey: "s2-secret" }).s2;
    const spot = await s2.paper({ arxiv: "2311.15566" });
    expect(spot).toMatchObject({ tldr: "Fixture TL;DR of SpotServe.", externalIds: { arxiv: "2311.15566", doi: "10.1145/3620665.3640411", dblp: "conf/asplos/MiaoSDXLCJ24" } });
    const sia = await s2.paper({ doi: "10.1145/3600006.3613175" });
    expect(sia?.title).toBe("Sia: Heterogeneity-aware, goodput-optimized ML-cluster scheduling");
    expect(sia?.tldr).toBeUndefined();
    expect(await s2.paper({ doi: "10.1145/0000000.0000000" })).toBeNull();
    expect(fake.s2.requests.map((r) => r.path)).toEqual(["/graph/v1/paper/ARXIV:2311.15566", "/graph/v1/paper/DOI:10.1145/3600006.3613175", "/graph/v1/paper/DOI:10.1145/0000000.0000000"]);
    expect(fake.s2.requests[0]?.query.get("fields")).toBe("title,abstract,tldr,authors,year,venue,externalIds");
    expect(fake.s2.requests.every((r) => r.headers["x-api-key"] === "s2-secret")).toBe(true);
    expect(Math.min(...gaps(fake.s2.requests.map((r) => r.at)))).toBeGreaterThanOrEqual(1000);
  });

  it("sends no API key when none is configured, and reports malformed JSON and timeouts", async () => {
    fake.s2.fail({ kind: "malformed" }, { kind: "timeout" });
    const s2 = new S2Source(fake.s2.url, { clock: new FakeClock(), timeoutMs: 300 });
    await expect(s2.paper({ arxiv: "2311.15566" })).rejects.toThrow(/s2: malformed JSON/);
    await expect(s2.paper({ arxiv: "2311.15566" })).rejects.toThrow(/s2: no answer within 300 ms/);
    expect(fake.s2.requests[0]?.headers["x-api-key"]).toBeUndefined();
  });
});
