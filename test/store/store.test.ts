import { existsSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { migrate, MIGRATIONS } from "../../src/store/migrations.js";
import { openStore } from "../../src/store/store.js";
import { tempDbPath } from "../helpers/spawn.js";

describe("the SQLite store", () => {
  it("creates its folder, uses WAL and migrates to the newest schema", () => {
    const path = join(dirname(tempDbPath()), "nested", "deeper", "bot.db");
    const store = openStore(path);
    expect(existsSync(path)).toBe(true);
    expect(store.db.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(store.db.pragma("user_version", { simple: true })).toBe(MIGRATIONS.at(-1)?.version);
    const tables = store.db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'watch%' ORDER BY name").all();
    expect(tables.map((t) => t.name)).toEqual(["watch_hits", "watches"]);
    store.close();
    rmSync(dirname(dirname(dirname(path))), { recursive: true });
  });

  it("keeps settings, subscriptions and snapshots across a reopen", () => {
    const path = tempDbPath();
    const first = openStore(path);
    first.settings.set("discord.commands.hash", "abc");
    first.subscriptions.subscribe("slack", "C1", { tag: "resource-scheduling" }, "U1", "2026-11-28T00:00:00Z");
    first.snapshots.save({ source: "s", content: "x", hash: "h", etag: '"e"', lastModified: null, papers: 1, fetchedAt: "t", changedAt: "t" });
    first.close();
    const again = openStore(path);
    expect(again.settings.get("discord.commands.hash")).toBe("abc");
    expect(again.subscriptions.get("slack", "C1")).toMatchObject({ status: "active", filter: { tag: "resource-scheduling" }, createdBy: "U1" });
    expect(again.snapshots.get("s")).toMatchObject({ hash: "h", etag: '"e"' });
    again.close();
  });

  it("running the migrations twice changes nothing", () => {
    const db = new BetterSqlite3(":memory:");
    expect(migrate(db)).toBe(MIGRATIONS.at(-1)?.version);
    expect(migrate(db)).toBe(MIGRATIONS.at(-1)?.version);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get()).toEqual({ n: 27 });
  });

  it("refuses a database from a newer mss-bot instead of corrupting it", () => {
    const db = new BetterSqlite3(":memory:");
    db.pragma("user_version = 99");
    expect(() => migrate(db)).toThrow(/schema 99, newer than this mss-bot/);
  });

  it("rolls a failed migration back whole", () => {
    const db = new BetterSqlite3(":memory:");
    migrate(db);
    const newest = MIGRATIONS.at(-1)?.version ?? 0;
    const broken = [...MIGRATIONS, { version: newest + 1, name: "broken", up: (d: typeof db) => d.exec("CREATE TABLE extra (x); SELECT nonsense FROM nowhere;") }];
    expect(() => migrate(db, broken)).toThrow();
    expect(db.pragma("user_version", { simple: true })).toBe(newest);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'extra'").get()).toEqual({ n: 0 });
  });

  it("marks the rows a platform refused before version 3, so resuming a paused channel queues them again", () => {
    const db = new BetterSqlite3(":memory:");
    migrate(db, MIGRATIONS.filter((m) => m.version <= 2));
    db.exec(`INSERT INTO announcements (id, key, source, kind, reply_json, created_at) VALUES (1, 'a', 's', 'added', '{}', 't');
      INSERT INTO outbox (announcement_id, platform, channel_id, key, status, last_error, next_attempt_at, created_at) VALUES
        (1, 'slack', 'C', 'k1', 'failed', 'invalid_auth: Slack rejects the bot token', 't', 't'),
        (1, 'slack', 'C', 'k2', 'failed', 'gave up after 30 attempts: HTTP 500 from Slack', 't', 't'),
        (1, 'slack', 'C', 'k3', 'failed', 'the channel unsubscribed before delivery', 't', 't'),
        (1, 'slack', 'C', 'k4', 'pending', NULL, 't', 't');`);
    migrate(db);
    expect(db.prepare("SELECT key, refused FROM outbox ORDER BY id").all()).toEqual([
      { key: "k1", refused: 1 },
      { key: "k2", refused: 0 },
      { key: "k3", refused: 0 },
      { key: "k4", refused: 0 },
    ]);
  });

  it("upgrades all or nothing: a failed upgrade of a fresh file leaves it empty", () => {
    const db = new BetterSqlite3(":memory:");
    const newest = MIGRATIONS.at(-1)?.version ?? 0;
    const broken = [...MIGRATIONS, { version: newest + 1, name: "broken", up: (d: typeof db) => d.exec("SELECT nonsense FROM nowhere;") }];
    expect(() => migrate(db, broken)).toThrow();
    expect(db.pragma("user_version", { simple: true })).toBe(0);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get()).toEqual({ n: 0 });
  });

  it("inserts an announcement key once, returning the same id again", () => {
    const store = openStore(":memory:");
    const a = { key: "k", source: "s", kind: "added" as const, paperId: "p", reply: { kind: "notice" as const, text: "hi" }, createdAt: "t" };
    const first = store.announcements.insert(a);
    expect(store.announcements.insert(a)).toEqual({ id: first.id, created: false });
    expect(store.announcements.get(first.id)?.reply).toEqual({ kind: "notice", text: "hi" });
  });

  it("rejects stored JSON that is not a reply instead of passing it to a platform", () => {
    const store = openStore(":memory:");
    store.db.prepare("INSERT INTO announcements (key, source, kind, reply_json, created_at) VALUES ('bad', 's', 'added', '{\"kind\":\"paper\"}', 't')").run();
    expect(() => store.announcements.byKey("bad")).toThrow();
  });
});
