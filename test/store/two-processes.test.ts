import { rmSync } from "node:fs";
import { dirname } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MIGRATIONS } from "../../src/store/migrations.js";
import { CountingPlatform } from "../fakes/counting-platform.js";
import { FakeUpstream } from "../fakes/upstream-server.js";
import { bundledText } from "../helpers/bundled.js";
import { spawn } from "node:child_process";
import { ROOT, runNode, tempDbPath } from "../helpers/spawn.js";
import { versionTwo } from "../helpers/versions.js";

let db: string;
beforeEach(() => {
  db = tempDbPath();
});
afterEach(() => rmSync(dirname(db), { recursive: true, force: true }));

describe("two bot processes on one database", () => {
  it("starts eight processes on one fresh file at the same instant without a migration failing", async () => {
    // Far enough ahead for every child to have loaded its code (tsx) before the instant.
    const startAt = String(Date.now() + 8000);
    const runs = await Promise.all(Array.from({ length: 8 }, () => runNode("--import", ["tsx", "test/fixtures/open-store-child.ts"], { env: { DB: db, START_AT: startAt }, timeoutMs: 60_000 })));
    for (const { code, stdout, stderr } of runs) {
      expect(stderr).toBe("");
      expect(code).toBe(0);
      expect(stdout).toBe(`schema ${MIGRATIONS.at(-1)?.version}\n`);
    }
  }, 90_000);

  it("delivers each announcement once, in channel order, when two processes deliver the same outbox at once", async () => {
    const upstream = await new FakeUpstream().start();
    const platform = await new CountingPlatform().start();
    try {
      const env = { DB: db, UPSTREAM: upstream.url, PLATFORM: platform.url, MODE: "deliver", LEASE_MS: "120000" };
      const child = () => runNode("--import", ["tsx", "test/fixtures/outbox-child.ts"], { env, timeoutMs: 60_000 });
      upstream.serve(bundledText());
      expect((await child()).stdout).toContain("synced baseline 0");

      upstream.serve(versionTwo());
      const [a, b] = await Promise.all([child(), child()]);
      expect([a.code, b.code, a.stderr, b.stderr]).toEqual([0, 0, "", ""]);
      const keys = platform.requests.map((r) => r.key);
      expect(keys).toHaveLength(8);
      expect(new Set(keys).size).toBe(8);
      const store = new BetterSqlite3(db, { readonly: true });
      for (const channel of ["c1", "c2"]) {
        const queuedOrder = store.prepare<[string], { key: string }>("SELECT key FROM outbox WHERE channel_id = ? ORDER BY id").all(channel).map((r) => r.key);
        expect(platform.requests.filter((r) => r.channel === channel).map((r) => r.key)).toEqual(queuedOrder);
      }
      store.close();
    } finally {
      await upstream.stop();
      await platform.stop();
    }
  }, 90_000);

  it("does not let a second process overtake a delivery the first one has in flight in the same channel", async () => {
    const upstream = await new FakeUpstream().start();
    const platform = await new CountingPlatform().start();
    try {
      const env = { DB: db, UPSTREAM: upstream.url, PLATFORM: platform.url, MODE: "deliver", LEASE_MS: "120000" };
      upstream.serve(bundledText());
      expect((await runNode("--import", ["tsx", "test/fixtures/outbox-child.ts"], { env })).stdout).toContain("synced baseline 0");
      upstream.serve(versionTwo());

      // The first process posts a channel's first paper and waits on the platform's answer; the other
      // channel is not held by it (channels go out concurrently) and gets its four papers meanwhile.
      platform.hangOnRequest = 1;
      const first = spawn(process.execPath, ["--import", "tsx", "test/fixtures/outbox-child.ts"], { cwd: ROOT, env: { PATH: process.env.PATH ?? "", ...env } });
      const firstExited = new Promise((resolve) => first.on("exit", resolve));
      await platform.waitForRequests(5);
      const inFlight = platform.requests[0];

      const second = await runNode("--import", ["tsx", "test/fixtures/outbox-child.ts"], { env, timeoutMs: 60_000 });
      first.kill("SIGKILL");
      await firstExited;
      expect(second.code).toBe(0);
      const others = platform.requests.slice(1);
      expect(others.filter((r) => r.channel === inFlight?.channel)).toEqual([]);
      expect(others).toHaveLength(4);
    } finally {
      await upstream.stop();
      await platform.stop();
    }
  }, 120_000);
});
