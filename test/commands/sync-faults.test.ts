import { rmSync } from "node:fs";
import { dirname } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Services } from "../../src/services.js";
import { FakeUpstream } from "../fakes/upstream-server.js";
import { bundledText, run, testServices } from "../helpers/bundled.js";
import { capturedLog } from "../helpers/captured-log.js";
import { tempDbPath } from "../helpers/spawn.js";
import { versionTwo } from "../helpers/versions.js";

const admin = { platform: "discord" as const, isAdmin: true, channel: "c1" };
let upstream: FakeUpstream;
let dbPath: string;
let services: Services;
let captured: ReturnType<typeof capturedLog>;
beforeEach(async () => {
  upstream = await new FakeUpstream().start();
  upstream.serve(bundledText());
  dbPath = tempDbPath();
  captured = capturedLog();
  services = testServices(bundledText(), { upstream: { kind: "url", url: upstream.url }, dbPath, log: captured.log });
  await run("subscribe", {}, services, admin);
  await services.sync.run();
  upstream.serve(versionTwo());
});
afterEach(async () => {
  services.store.close();
  await upstream.stop();
  rmSync(dirname(dbPath), { recursive: true, force: true });
});

/** What /sync must leave untouched when the store refuses its write. */
function unchanged(before: { hash: string | undefined; papers: number }) {
  expect(services.store.snapshots.get(services.sync.source)?.hash).toBe(before.hash);
  expect(services.catalog.list.papers.length).toBe(before.papers);
  expect(services.store.outbox.counts()).toEqual({ pending: 0, sending: 0, sent: 0, failed: 0 });
}

describe("/sync when the store cannot take the new list", () => {
  it("says the database is full, that nothing was stored and the last good list stays", async () => {
    const before = { hash: services.store.snapshots.get(services.sync.source)?.hash, papers: services.catalog.list.papers.length };
    const pages = services.store.db.pragma("page_count", { simple: true }) as number;
    services.store.db.pragma(`max_page_count = ${pages}`);
    const reply = await run("sync", {}, services, admin);
    expect(reply).toMatchObject({
      kind: "error",
      reason: "unavailable",
      text: "The database is full (no space left where MSS_DB_PATH lives); nothing was stored, the last good list stays.",
    });
    unchanged(before);
    expect(captured.lines.filter((l) => l.level >= 50).map((l) => l.msg)).toEqual(["sync could not store its result"]);

    services.store.db.pragma("max_page_count = 1073741823");
    expect(await run("sync", {}, services, admin)).toMatchObject({ kind: "info", title: "Synced the upstream list" });
  });

  it("says the database is locked by another process when a second connection holds the write lock", async () => {
    const before = { hash: services.store.snapshots.get(services.sync.source)?.hash, papers: services.catalog.list.papers.length };
    services.store.db.pragma("busy_timeout = 50");
    const other = new BetterSqlite3(dbPath);
    other.exec("BEGIN IMMEDIATE");
    try {
      const reply = await run("sync", {}, services, admin);
      expect(reply).toMatchObject({ kind: "error", text: expect.stringMatching(/^The database is locked by another process .*; nothing was stored, the last good list stays\.$/) });
      unchanged(before);
    } finally {
      other.exec("ROLLBACK");
      other.close();
    }
  });
});
