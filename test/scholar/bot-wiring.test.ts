import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startBot, type RunningBot } from "../../app/bot.js";
import { buildServices } from "../../app/services.js";
import { parseConfig, type Config } from "../../src/config.js";
import { silentLogger } from "../../src/log.js";
import { announcePublished } from "../../src/sync/announce-published.js";
import { mergeRecords } from "../../src/scholar/merge-records.js";
import type { PaperRecord } from "../../src/papers/record.js";
import { testServices } from "../helpers/bundled.js";
import { listWith, startFakeScholar, type FakeScholar } from "./scholar-fixtures.js";

let fake: FakeScholar;
let dir: string;
let bot: RunningBot | undefined;
beforeEach(async () => {
  fake = await startFakeScholar();
  dir = mkdtempSync(join(tmpdir(), "mss-scholar-bot-"));
});
afterEach(async () => {
  await bot?.stop(1000);
  bot = undefined;
  await fake.stop();
  rmSync(dir, { recursive: true, force: true });
});

function config(env: Record<string, string>): Config {
  const list = join(dir, "list.md");
  writeFileSync(list, listWith("SpotServe", "Sia"));
  const parsed = parseConfig({ MSS_DB_PATH: join(dir, "bot.db"), MSS_UPSTREAM_URL: list, MSS_ARXIV_API_URL: fake.arxiv.url, MSS_DBLP_API_URL: fake.dblp.url, MSS_S2_API_URL: fake.s2.url, ...env });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.config;
}

const until = async (check: () => boolean) => {
  while (!check()) await new Promise((r) => setTimeout(r, 20));
};

describe("the bot's scholarly enrichment", () => {
  it("works the queue in the background after the first sync, stops on shutdown, and shows stored records at the next start offline", async () => {
    bot = await startBot(config({}), silentLogger(), { http: false });
    const { catalog } = bot.services;
    // The bundled snapshot answers at once; the fetched records replace it field by field once the queue is worked.
    expect(catalog.records.get("sia")?.title).toBe("Sia: Heterogeneity-aware, Goodput-optimized ML-cluster Scheduling");
    const { scholar } = bot.services.store;
    await until(() => scholar.get("spotserve")?.status === "resolved" && scholar.get("sia")?.status === "resolved" && catalog.records.get("spotserve")?.abstract !== undefined);
    // Commands answered from the start: the catalog was never blocked by the queue.
    expect(catalog.records.get("sia")?.title).toBe("Sia: Heterogeneity-aware, goodput-optimized ML-cluster scheduling");
    await bot.stop(1000);
    bot = undefined;
    const made = fake.arxiv.requests.length + fake.dblp.requests.length + fake.s2.requests.length;

    const offline = await buildServices(config({ MSS_ENRICH: "false" }), silentLogger());
    expect(offline.catalog.records.get("spotserve")?.abstract).toBe("Fixture abstract of SpotServe. It is a second sentence.");
    offline.store.close();
    expect(fake.arxiv.requests.length + fake.dblp.requests.length + fake.s2.requests.length).toBe(made);
  }, 30_000);

  it("announces a preprint's venue version once, through the outbox", () => {
    const s = testServices(listWith("Atom"));
    s.store.subscriptions.subscribe("discord", "c1", {}, "admin", "2026-11-28T00:00:00Z");
    const paper = s.catalog.list.papers[0];
    if (!paper) throw new Error("no paper");
    const before: PaperRecord = { title: "Atom", venue: "arXiv", ids: { arxiv: "2310.19102" }, origins: {}, fetchedAt: "2026-10-01T00:00:00Z" };
    const after: PaperRecord = { ...before, venue: "MLSys", year: 2024, fetchedAt: "2026-11-28T00:00:00Z" };
    expect(announcePublished(s.store, s.sync.source, s.catalog.list, paper, after, before, 10, "2026-11-28T00:00:00Z")).toEqual({ deliveries: 1, digests: 0 });
    expect(announcePublished(s.store, s.sync.source, s.catalog.list, paper, after, before, 10, "2026-11-28T00:00:01Z")).toEqual({ deliveries: 0, digests: 0 });
    const [announcement] = s.store.announcements.forPaper(s.sync.source, "atom");
    expect(announcement?.reply).toMatchObject({ kind: "announcement", items: [{ change: "changed", changes: ["published: arXiv → MLSys 2024"], card: { record: { venue: "MLSys" } } }] });
    s.store.close();
  });

  it("merges stored records over the bundled snapshot, field by field, and hides a cleared paper", () => {
    const snap = (title: string, abstract?: string): PaperRecord => ({ title, ...(abstract ? { abstract } : {}), ids: {}, origins: { title: { source: "snapshot", url: "https://example.org/x" } }, fetchedAt: "2026-01-01T00:00:00Z" });
    const merged = mergeRecords(new Map([["a", snap("Old A", "Snapshot abstract")], ["b", snap("B")], ["c", snap("C")]]), [
      { paperId: "a", status: "resolved", reason: null, via: "pin", record: { title: "New A", ids: { arxiv: "1" }, origins: { title: { source: "arxiv", url: "https://arxiv.org/abs/1" } }, fetchedAt: "2026-11-01T00:00:00Z" }, paperLink: null, fetchedAt: "t", updatedAt: "t" },
      { paperId: "b", status: "cleared", reason: "cleared", via: "pin", record: null, paperLink: null, fetchedAt: "t", updatedAt: "t" },
      { paperId: "c", status: "unresolved", reason: "no hit", via: null, record: null, paperLink: null, fetchedAt: "t", updatedAt: "t" },
    ]);
    expect(merged.get("a")).toMatchObject({ title: "New A", abstract: "Snapshot abstract", ids: { arxiv: "1" }, origins: { title: { source: "arxiv" } } });
    expect(merged.has("b")).toBe(false);
    expect(merged.get("c")?.title).toBe("C");
  });

  it("hides the stored and bundled records of a paper pinned to none, and keeps them for when the pin goes", () => {
    const record: PaperRecord = { title: "A", ids: {}, origins: { title: { source: "snapshot", url: "https://example.org/a" } }, fetchedAt: "2026-01-01T00:00:00Z" };
    const stored = [{ paperId: "b", status: "resolved" as const, reason: null, via: "doi-link" as const, record: { ...record, title: "B" }, paperLink: null, fetchedAt: "t", updatedAt: "t" }];
    const snapshot = new Map([["a", record]]);
    expect([...mergeRecords(snapshot, stored, new Set(["a", "b"])).keys()]).toEqual([]);
    expect([...mergeRecords(snapshot, stored).keys()]).toEqual(["a", "b"]);
  });
});
