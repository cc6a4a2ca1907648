import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseList } from "../../src/papers/index.js";
import type { Reply } from "../../src/replies/reply.js";
import type { Services } from "../../src/services.js";
import { FakeUpstream } from "../fakes/upstream-server.js";
import { run, testServices, type TestServiceOptions } from "../helpers/bundled.js";
import { bundledRecordsPath, readRecordSnapshot } from "../../src/scholar/snapshot.js";
import { listWith, startFakeScholar, type FakeScholar } from "./scholar-fixtures.js";

let fake: FakeScholar;
let dir: string;
const open: Services[] = [];

beforeEach(async () => {
  fake = await startFakeScholar();
  dir = mkdtempSync(join(tmpdir(), "mss-scholar-"));
});
afterEach(async () => {
  for (const s of open.splice(0)) {
    await s.scholar.stop();
    s.store.close();
  }
  await fake.stop();
  rmSync(dir, { recursive: true, force: true });
});

const FOUR = listWith("SpotServe", "Sia", "AlpaServe", "Shepherd");

function services(markdown = FOUR, over: TestServiceOptions = {}): Services {
  const s = testServices(markdown, { now: fake.clock.date, dbPath: join(dir, "bot.db"), ...over, scholar: { sources: fake.sources(), ...over.scholar } });
  open.push(s);
  return s;
}

/** The "Scholarly record" rows of a meta reply, by label. */
const recordRows = (reply: Reply) => Object.fromEntries((reply.kind === "info" ? (reply.sections?.[0]?.rows ?? []) : []).map((r) => [r.label, r.value]));

const requestCount = () => fake.arxiv.requests.length + fake.dblp.requests.length + fake.s2.requests.length;

describe("resolving the list's papers to scholarly records", () => {
  it("resolves by arXiv id, by DOI and by DBLP search, and leaves a same-first-word paper unresolved with its reason", async () => {
    const s = services();
    const summary = await s.scholar.run();
    expect(summary.resolved.map((r) => [r.name, r.via])).toEqual([
      ["SpotServe", "arxiv-link"],
      ["Sia", "doi-link"],
      ["AlpaServe", "dblp-search"],
    ]);
    expect(summary.unresolved).toEqual([
      {
        id: "shepherd",
        name: "Shepherd",
        reason: 'no DBLP hit is this paper: "Shepherd: A Fixture Paper on Something Else" (ICML 2019): its year 2019 is not within one of 2023; its venue ICML is not NSDI',
      },
    ]);
    expect(summary.failed).toEqual([]);

    const records = s.catalog.records;
    expect(records.has("shepherd")).toBe(false);
    const spot = records.get("spotserve");
    expect(spot).toMatchObject({
      title: "SpotServe: Serving Generative Large Language Models on Preemptible Instances",
      abstract: "Fixture abstract of SpotServe. It is a second sentence.",
      tldr: "Fixture TL;DR of SpotServe.",
      ids: { arxiv: "2311.15566", doi: "10.1145/3620665.3640411", dblp: "conf/asplos/MiaoSDXLCJ24" },
      origins: { abstract: { source: "arxiv", url: "https://arxiv.org/abs/2311.15566" }, tldr: { source: "s2" }, bibtex: { source: "dblp", url: "https://dblp.org/rec/conf/asplos/MiaoSDXLCJ24" } },
    });
    expect(spot?.authors).toHaveLength(7);
    // Each identifier names where it was read: the list's arXiv link, arXiv's entry, Semantic Scholar.
    const s2Page = `https://www.semanticscholar.org/paper/${spot?.ids.s2}`;
    expect(spot?.idOrigins).toEqual({
      arxiv: { source: "arxiv", url: "https://arxiv.org/pdf/2311.15566.pdf" },
      doi: { source: "arxiv", url: "https://arxiv.org/abs/2311.15566" },
      dblp: { source: "s2", url: s2Page },
      s2: { source: "s2", url: s2Page },
    });
    expect(records.get("alpaserve")?.idOrigins).toEqual({ dblp: { source: "dblp", url: "https://dblp.org/rec/conf/osdi/LiZZL00HHZGS23" } });
    expect(records.get("sia")).toMatchObject({ title: "Sia: Heterogeneity-aware, goodput-optimized ML-cluster scheduling", abstract: "Fixture S2 abstract of Sia.", ids: { doi: "10.1145/3600006.3613175" } });
    expect(records.get("sia")?.tldr).toBeUndefined();
    const alpa = records.get("alpaserve");
    expect(alpa).toMatchObject({ title: "AlpaServe: Statistical Multiplexing with Model Parallelism for Deep Learning Serving", venue: "OSDI", year: 2023, ids: { dblp: "conf/osdi/LiZZL00HHZGS23" } });
    expect(alpa?.authors).toContain("Ion Stoica");
    expect(alpa?.authors).toContain("Vincent Liu");
    expect(s.store.scholar.get("shepherd")).toMatchObject({ status: "unresolved", reason: expect.stringContaining("ICML") });
    // Resolving again finds everything known: no request at all.
    const before = requestCount();
    expect((await s.scholar.run()).known).toBe(4);
    expect(requestCount()).toBe(before);
  });

  it("searches DBLP by the name alone when the name and the list's venue find nothing", async () => {
    fake.dblp.add({ key: "conf/usenix/RomeroLYK21", title: "INFaaS: Automated Model-less Inference Serving.", authors: [{ name: "Francisco Romero", pid: "1" }], venue: "USENIX ATC", year: "2021" }, "INFaaS");
    const s = services(listWith("INFaaS"));
    expect((await s.scholar.run()).resolved).toEqual([{ id: "infaas", name: "INFaaS", via: "dblp-search" }]);
    expect(fake.dblp.requests.filter((r) => r.path === "/search/publ/api").map((r) => r.query.get("q"))).toEqual(["INFaaS ATC", "INFaaS"]);
    expect(s.catalog.records.get("infaas")).toMatchObject({ title: "INFaaS: Automated Model-less Inference Serving", venue: "USENIX ATC", year: 2021 });
  });

  it("keeps the rate limits over a whole run (timestamps at the fakes, on the test clock)", async () => {
    const s = services();
    await s.scholar.run({ refresh: true });
    const gaps = (times: number[]) => times.slice(1).map((t, i) => t - (times[i] as number));
    for (const [source, min] of [[fake.arxiv, 3000], [fake.dblp, 1000], [fake.s2, 1000]] as const) {
      expect(source.requests.length).toBeGreaterThan(0);
      for (const gap of gaps(source.requests.map((r) => r.at))) expect(gap).toBeGreaterThanOrEqual(min);
    }
  });

  it("lets a failing source delay only the papers that need it", async () => {
    fake.dblp.fail({ kind: "500" });
    const s = services(listWith("Sia", "AlpaServe", "Shepherd"));
    const summary = await s.scholar.run();
    expect(summary.resolved.map((r) => r.name)).toEqual(["Sia"]);
    expect(summary.failed.map((f) => [f.name, f.error])).toEqual([
      ["AlpaServe", "dblp: HTTP 500 Internal Server Error"],
      ["Shepherd", expect.stringMatching(/^waiting for dblp/)],
    ]);
    // Shepherd waited without a second request to the failing source.
    expect(fake.dblp.requests).toHaveLength(1);
    expect(s.store.scholar.queued().map((q) => q.paperId)).toEqual(["alpaserve", "shepherd"]);
  });

  it("resumes after a restart mid-queue without fetching again what was done", async () => {
    // SpotServe's arXiv step succeeds, then Semantic Scholar fails: the bot stops there.
    fake.s2.fail({ kind: "timeout" });
    const first = testServices(listWith("SpotServe"), { now: fake.clock.date, dbPath: join(dir, "bot.db"), scholar: { sources: fake.sources({ timeoutMs: 300 }) } });
    expect((await first.scholar.run()).failed.map((f) => f.name)).toEqual(["SpotServe"]);
    first.store.close();
    expect(fake.arxiv.requests).toHaveLength(1);

    const second = services(listWith("SpotServe"));
    expect(second.store.scholar.queuedOne("spotserve")?.state.done).toEqual(["resolve", "arxiv"]);
    const summary = await second.scholar.run();
    expect(summary.resolved.map((r) => r.name)).toEqual(["SpotServe"]);
    expect(fake.arxiv.requests).toHaveLength(1);
    expect(fake.s2.requests.map((r) => r.status)).toEqual([0, 200]);
    expect(second.catalog.records.get("spotserve")?.abstract).toBe("Fixture abstract of SpotServe. It is a second sentence.");
  });

  it("makes no outside request at all with MSS_ENRICH=false, yet shows what is stored", async () => {
    const on = services(listWith("Sia"));
    await on.scholar.run();
    const made = requestCount();
    expect(made).toBeGreaterThan(0);
    on.store.close();
    open.length = 0;
    const off = testServices(listWith("Sia", "SpotServe"), { now: fake.clock.date, dbPath: join(dir, "bot.db") });
    open.push(off);
    expect(off.scholar.enabled).toBe(false);
    await off.sync.run();
    off.scholar.start();
    expect(off.scholar.afterSync()).toBe(0);
    expect(await off.scholar.run({ refresh: true })).toEqual({ resolved: [], unresolved: [], failed: [], cleared: [], known: 0 });
    expect(requestCount()).toBe(made);
    expect(off.catalog.records.get("sia")?.title).toBe("Sia: Heterogeneity-aware, goodput-optimized ML-cluster scheduling");
  });
});

describe("after each sync", () => {
  let upstream: FakeUpstream;
  beforeEach(async () => {
    upstream = await new FakeUpstream().start();
  });
  afterEach(async () => {
    await upstream.stop();
  });

  it("queues new papers and papers whose link changed, and keeps an admin's pin", async () => {
    upstream.serve(listWith("SpotServe", "AlpaServe"));
    // Parsed in-process: the worker thread a URL source uses is not what this test is about.
    const s = services(listWith("SpotServe", "AlpaServe"), { upstream: { kind: "url", url: upstream.url }, readList: async (text) => parseList(text) });
    await s.sync.run();
    expect(s.store.scholar.queued().map((q) => [q.paperId, q.reason])).toEqual([
      ["alpaserve", "new"],
      ["spotserve", "new"],
    ]);
    await s.scholar.run();

    const pinned = await run("meta", { paper: "AlpaServe", record: "arxiv:2311.15566" }, s, { isAdmin: true });
    expect(pinned).toEqual({ kind: "notice", text: expect.stringContaining("AlpaServe is pinned to arxiv:2311.15566 (kept across syncs)") });
    await s.scholar.run();
    expect(s.store.scholar.get("alpaserve")).toMatchObject({ via: "pin", record: { ids: { arxiv: "2311.15566" } } });

    // Upstream edits both rows' paper links and adds a paper.
    upstream.serve(
      `${listWith("SpotServe", "AlpaServe", "Sia")
        .replace("https://arxiv.org/pdf/2311.15566.pdf", "https://arxiv.org/abs/2311.15566v2")
        .replace("https://www.usenix.org/system/files/osdi23-li-zhuohan.pdf", "https://www.usenix.org/conference/osdi23/presentation/li-zhouhan")}`,
    );
    expect((await s.sync.run()).result).toBe("changed");
    expect(s.store.scholar.queued().map((q) => [q.paperId, q.reason])).toEqual([
      ["sia", "new"],
      ["spotserve", "link"],
    ]);
    expect(s.store.scholar.pinOf("alpaserve")).toEqual({ kind: "arxiv", value: "2311.15566" });
    expect(s.catalog.records.get("alpaserve")?.ids.arxiv).toBe("2311.15566");

    await run("meta", { paper: "AlpaServe", record: "none" }, s, { isAdmin: true });
    await s.sync.run();
    expect(s.catalog.records.has("alpaserve")).toBe(false);
    expect(s.store.scholar.pinOf("alpaserve")).toEqual({ kind: "none" });
  });

  it("gives the stored record back on meta auto after meta none, at once, and queues the paper to be resolved again", async () => {
    const s = services();
    await s.scholar.run();
    const resolved = s.store.scholar.get("alpaserve");
    expect(resolved).toMatchObject({ status: "resolved", record: { authors: expect.arrayContaining(["Ion Stoica"]) } });
    const admin = { isAdmin: true };

    await run("meta", { paper: "AlpaServe", record: "none" }, s, admin);
    expect(s.catalog.records.has("alpaserve")).toBe(false);
    expect(await run("papers", { author: "Stoica" }, s)).toMatchObject({ kind: "error", reason: "not-found" });
    expect(recordRows(await run("meta", { paper: "AlpaServe" }, s, admin))).toEqual({ Status: "cleared: pinned to none, so no record is shown", Pin: "none", Fetched: "2026-11-28 12:00 UTC" });

    fake.clock.t += 60_000;
    const auto = await run("meta", { paper: "AlpaServe", record: "auto" }, s, admin);
    expect(auto).toEqual({ kind: "notice", text: "AlpaServe is no longer pinned; it shows its stored record and is queued to be resolved from its link; it is fetched in the background; see meta AlpaServe." });
    // Back before any fetch: the record as it was, and the author filter finds the paper again.
    expect(s.catalog.records.get("alpaserve")).toEqual(resolved?.record);
    expect(await run("papers", { author: "Stoica" }, s)).toMatchObject({ kind: "papers", items: [{ name: "AlpaServe" }] });
    expect(s.store.scholar.queuedOne("alpaserve")).toMatchObject({ reason: "pin" });
    // The fetched time is the real fetch's, not the pin's.
    expect(recordRows(await run("meta", { paper: "AlpaServe" }, s, admin))).toMatchObject({ Status: "resolved (via dblp-search)", Fetched: "2026-11-28 12:00 UTC", Queued: expect.stringMatching(/^pin, next try /) });
    await s.scholar.run();
    expect(s.store.scholar.queuedOne("alpaserve")).toBeUndefined();
    expect(s.catalog.records.get("alpaserve")?.title).toBe(resolved?.record?.title);
  });

  it("drops the empty cleared row an older version stored on meta auto, so the bundled record shows again with no fetch time", async () => {
    const snapshot = readRecordSnapshot(bundledRecordsPath());
    const s = testServices(FOUR, { now: fake.clock.date, dbPath: join(dir, "old.db"), scholar: { snapshot } });
    open.push(s);
    const at = fake.clock.date().toISOString();
    // As the previous version left it after meta AlpaServe none.
    s.store.scholar.pin("alpaserve", { kind: "none" }, "admin", at);
    s.store.scholar.save({ paperId: "alpaserve", status: "cleared", reason: "cleared by admin", via: "pin", record: null, paperLink: null, fetchedAt: at }, at);
    s.scholar.publish();
    expect(s.catalog.records.has("alpaserve")).toBe(false);

    expect(await run("meta", { paper: "AlpaServe", record: "auto" }, s, { isAdmin: true })).toMatchObject({ text: expect.stringContaining("AlpaServe is no longer pinned; it shows its bundled record") });
    expect(s.store.scholar.get("alpaserve")).toBeUndefined();
    expect(s.catalog.records.get("alpaserve")).toEqual(snapshot.get("alpaserve"));
    expect(recordRows(await run("meta", { paper: "AlpaServe" }, s, { isAdmin: true }))).toEqual({
      Status: "not resolved yet (the bundled record is shown)",
      Pin: "none (resolved from the paper link)",
      Queued: "pin, next try 2026-11-28 12:00 UTC",
    });
  });

  it("lets only admins pin, and rejects what is not a record id", async () => {
    const s = services();
    expect(await run("meta", { paper: "AlpaServe", record: "arxiv:2302.11665" }, s)).toMatchObject({ kind: "error", reason: "forbidden" });
    expect(await run("meta", { paper: "AlpaServe", record: "isbn:123" }, s, { isAdmin: true })).toMatchObject({ kind: "error", reason: "invalid", text: expect.stringContaining("arxiv:ID, doi:DOI, dblp:KEY or none") });
    expect(s.store.scholar.pinOf("alpaserve")).toBeUndefined();
  });

  it("refreshes records older than 30 days and announces a preprint's venue version", async () => {
    const published: string[] = [];
    fake.arxiv.add({ id: "2310.19102", title: "Atom: Low-bit Quantization for Efficient and Accurate LLM Serving", summary: "Fixture abstract of Atom.", authors: ["Yilong Zhao", "Chien-Yu Lin"], published: "2023-10-29T00:00:00Z" });
    const s = services(listWith("Atom"), { scholar: { onPublished: (paper, record, before) => published.push(`${paper.name}: ${before.venue} → ${record.venue} ${record.year}`) } });
    await s.scholar.run();
    expect(s.catalog.records.get("atom")).toMatchObject({ venue: "arXiv", ids: { arxiv: "2310.19102" } });
    expect(s.scholar.afterSync()).toBe(0);

    fake.s2.add({ paperId: "a".repeat(40), title: "Atom: Low-bit Quantization for Efficient and Accurate LLM Serving", abstract: null, tldr: null, venue: "MLSys", year: 2024, authors: ["Yilong Zhao"], externalIds: { ArXiv: "2310.19102" } }, "ARXIV:2310.19102");
    fake.clock.t += 31 * 24 * 60 * 60 * 1000;
    expect(s.scholar.afterSync()).toBe(1);
    expect(s.store.scholar.queuedOne("atom")?.reason).toBe("refresh");
    await s.scholar.run();
    expect(published).toEqual(["Atom: arXiv → MLSys 2024"]);
    expect(s.catalog.records.get("atom")).toMatchObject({ venue: "MLSys", abstract: "Fixture abstract of Atom." });
  });
});
