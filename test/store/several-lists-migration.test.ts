import { rmSync } from "node:fs";
import { dirname } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { hashText, parseList, type Paper } from "../../src/papers/index.js";
import { toCard } from "../../src/replies/paper-card.js";
import { migrate, MIGRATIONS } from "../../src/store/migrations.js";
import { openStore } from "../../src/store/store.js";
import { bundledText, testServices } from "../helpers/bundled.js";
import { tempDbPath } from "../helpers/spawn.js";
import { FakeUpstream } from "../fakes/upstream-server.js";

let dbPath: string;
let upstream: FakeUpstream | undefined;
afterEach(async () => {
  await upstream?.stop();
  rmSync(dirname(dbPath), { recursive: true, force: true });
});

/** A database as the bot left it at schema 11 (one list followed), with rows in every table the lists touch. */
function databaseAtVersion11(path: string, source: string): void {
  const db = new BetterSqlite3(path);
  migrate(db, MIGRATIONS.filter((m) => m.version <= 11));
  expect(db.pragma("user_version", { simple: true })).toBe(11);
  const text = bundledText();
  const at = "2026-11-20T10:00:00.000Z";
  db.prepare("INSERT INTO snapshots (source, content, hash, etag, last_modified, papers, fetched_at, changed_at) VALUES (?, ?, ?, NULL, NULL, ?, ?, ?)").run(source, text, hashText(text), parseList(text).papers.length, at, at);
  db.prepare("INSERT INTO papers_seen (source, paper_id, name, first_seen_at, in_baseline) VALUES (?, 'alpaserve', 'AlpaServe', ?, 0)").run(source, at);
  db.prepare("INSERT INTO sync_runs (source, started_at, finished_at, result, detail, added, changed, removed) VALUES (?, ?, ?, 'changed', '1 added', 1, 0, 0)").run(source, at, at);
  db.prepare(`INSERT INTO subscriptions (platform, channel_id, filter_json, delivery_json, status, created_by, created_at, updated_at) VALUES ('discord', 'C1', '{"venue":"OSDI"}', '{}', 'active', 'U1', ?, ?)`).run(at, at);
  const list = parseList(text);
  const card = toCard(list.papers.find((p) => p.id === "alpaserve") ?? (list.papers[0] as Paper), list.legend);
  const reply = JSON.stringify({ kind: "announcement", headline: "New paper on MSS-Papers", items: [{ change: "added", card, changes: [] }] });
  db.prepare("INSERT INTO announcements (id, key, source, kind, paper_id, reply_json, created_at) VALUES (1, ?, ?, 'added', 'alpaserve', ?, ?)").run(`${source}|added|alpaserve`, source, reply, at);
  db.prepare("INSERT INTO announcements (id, key, source, kind, paper_id, reply_json, created_at) VALUES (2, 'reading|2026-11-23', 'reading', 'session', NULL, ?, ?)").run(JSON.stringify({ kind: "notice", text: "session" }), at);
  db.prepare("INSERT INTO outbox (announcement_id, platform, channel_id, key, status, attempts, next_attempt_at, created_at, sent_at) VALUES (1, 'discord', 'C1', ?, 'sent', 1, ?, ?, ?)").run(`${source}|added|alpaserve|discord:C1`, at, at, at);
  db.close();
}

describe("schema 12: several lists", () => {
  it("gives existing rows the list id mss, remembers what each channel was announced, and keeps a one-list bot syncing as before", async () => {
    dbPath = tempDbPath();
    upstream = await new FakeUpstream().start();
    upstream.serve(bundledText());
    databaseAtVersion11(dbPath, upstream.url);

    const store = openStore(dbPath);
    expect(store.db.pragma("user_version", { simple: true })).toBe(12);
    expect(store.announcements.get(1)).toMatchObject({ kind: "added", paperId: "alpaserve", list: "mss" });
    expect(store.announcements.get(2)).toMatchObject({ kind: "session", list: null });
    // The channel got AlpaServe from mss: another list adding it is skipped there, a new list's other paper is not.
    expect(store.announcedPapers.find({ platform: "discord", channelId: "C1" }, { id: "alpaserve", links: {} }, "llmsys")).toEqual({ list: "mss", announcementId: 1 });
    expect(store.announcedPapers.find({ platform: "discord", channelId: "C1" }, { id: "clipper", links: {} }, "llmsys")).toBeUndefined();
    expect(store.subscriptions.get("discord", "C1")?.filter).toEqual({ venue: "OSDI" });
    store.close();

    // The one-list bot reads its stored snapshot (keyed by its source, as before) and finds nothing new.
    const s = testServices(bundledText(), { upstream: { kind: "url", url: upstream.url }, dbPath });
    expect(await s.sync.run()).toMatchObject({ list: "mss", result: "unchanged" });
    expect(s.store.runs.last(upstream.url)).toMatchObject({ result: "unchanged" });
    s.store.close();
  });
});
