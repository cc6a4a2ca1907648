import { rmSync } from "node:fs";
import { dirname } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Services } from "../../src/services.js";
import { FakeUpstream } from "../fakes/upstream-server.js";
import { RecordingAnnouncer } from "../fakes/recording-announcer.js";
import { bundledText, run, testServices } from "../helpers/bundled.js";
import { capturedLog } from "../helpers/captured-log.js";
import { TestClock } from "../helpers/clock.js";
import { tempDbPath } from "../helpers/spawn.js";
import { versionTwo } from "../helpers/versions.js";

let upstream: FakeUpstream;
let dbPath: string;
let services: Services | undefined;
beforeEach(async () => {
  upstream = await new FakeUpstream().start();
  upstream.serve(bundledText());
  dbPath = tempDbPath();
});
afterEach(async () => {
  services?.store.close();
  await upstream.stop();
  rmSync(dirname(dbPath), { recursive: true, force: true });
});

/** Version two queued for channel "c" (4 deliveries) in a database file a second connection can lock. */
async function queued() {
  const clock = new TestClock();
  const captured = capturedLog();
  const s = testServices(bundledText(), { upstream: { kind: "url", url: upstream.url }, now: clock.now, dbPath, log: captured.log, deliverer: { faultRetryMs: 5000 } });
  services = s;
  await run("subscribe", {}, s, { platform: "discord", isAdmin: true, channel: "c" });
  await s.sync.run();
  upstream.serve(versionTwo());
  await s.sync.run();
  // Another process would make the bot wait 5 s for the lock; 50 ms keeps the test quick and changes nothing else.
  s.store.db.pragma("busy_timeout = 50");
  return { s, clock, captured };
}

const errorsWithKey = (lines: Array<{ level: number; key?: unknown }>) => lines.filter((l) => l.level >= 50 && typeof l.key === "string");

describe("the deliverer when the store fails", () => {
  it("survives a second connection holding the write lock during a delivery, and posts each paper once", async () => {
    const { s, clock, captured } = await queued();
    const other = new BetterSqlite3(dbPath);
    const discord = new RecordingAnnouncer("discord");
    let locked = false;
    // The platform confirms the first post while another process holds the write lock: "marked sent" cannot be written.
    s.deliverer.register({
      platform: "discord",
      announce: (channel, reply, key) => {
        if (!locked) other.exec("BEGIN IMMEDIATE");
        locked = true;
        return discord.announce(channel, reply, key);
      },
    });
    expect(await s.deliverer.deliverDue()).toEqual({ sent: 0, retried: 0, failed: 0 });
    const [logged] = errorsWithKey(captured.lines);
    expect(errorsWithKey(captured.lines)).toHaveLength(1);
    expect(logged).toMatchObject({ msg: expect.stringContaining("the row stays claimed until its lease ends"), err: { code: "SQLITE_BUSY" } });
    expect(s.store.outbox.counts()).toMatchObject({ sending: 1, pending: 3 });

    other.exec("COMMIT");
    other.close();
    clock.advance(5000);
    expect(await s.deliverer.deliverDue()).toEqual({ sent: 4, retried: 0, failed: 0 });
    expect(discord.calls.map((c) => c.key)).toEqual(s.store.outbox.forChannel("discord", "c").reverse().map((r) => r.key));
    expect(s.store.outbox.counts()).toMatchObject({ sent: 4, sending: 0, pending: 0 });
  });

  it("waits out a lock held before the run starts, logging once, and delivers after it", async () => {
    const { s, clock, captured } = await queued();
    const discord = new RecordingAnnouncer("discord");
    s.deliverer.register(discord);
    const other = new BetterSqlite3(dbPath);
    other.exec("BEGIN IMMEDIATE");
    expect(await s.deliverer.deliverDue()).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(captured.lines.filter((l) => l.level >= 50).map((l) => l.msg)).toEqual(["delivery run failed on the store; trying again later"]);
    expect(discord.calls).toHaveLength(0);
    other.exec("ROLLBACK");
    other.close();
    clock.advance(5000);
    expect(await s.deliverer.deliverDue()).toMatchObject({ sent: 4 });
  });

  it("records a post confirmed while the disk was full (SQLITE_FULL at markSent) without posting it again", async () => {
    const { s, clock, captured } = await queued();
    const discord = new RecordingAnnouncer("discord");
    s.deliverer.register(discord);
    const markSent = s.store.outbox.markSent.bind(s.store.outbox);
    let full = true;
    s.store.outbox.markSent = (...args) => {
      if (full) throw new BetterSqlite3.SqliteError("database or disk is full", "SQLITE_FULL");
      return markSent(...args);
    };
    expect(await s.deliverer.deliverDue()).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(errorsWithKey(captured.lines)).toEqual([expect.objectContaining({ key: discord.calls[0]?.key, err: expect.objectContaining({ code: "SQLITE_FULL" }) })]);

    // Space is freed; the run after the lease ended finds the row claimed again and records it from memory.
    full = false;
    clock.advance(120_000);
    expect(await s.deliverer.deliverDue()).toEqual({ sent: 4, retried: 0, failed: 0 });
    expect(discord.calls).toHaveLength(4);
    expect(new Set(discord.calls.map((c) => c.key)).size).toBe(4);
    expect(s.store.outbox.counts()).toMatchObject({ sent: 4 });
  });

  it("keeps its timer running after a failed run instead of rejecting (no unhandled rejection)", async () => {
    const { s } = await queued();
    s.deliverer.register(new RecordingAnnouncer("discord"));
    s.store.outbox.claimDue = () => {
      throw new BetterSqlite3.SqliteError("database is locked", "SQLITE_BUSY");
    };
    s.store.outbox.nextDue = () => {
      throw new BetterSqlite3.SqliteError("database is locked", "SQLITE_BUSY");
    };
    s.deliverer.start(60_000);
    await expect(s.deliverer.deliverDue()).resolves.toEqual({ sent: 0, retried: 0, failed: 0 });
    await s.deliverer.stop();
  });
});
