import { describe, expect, it } from "vitest";
import { checkReadiness } from "../../src/ops/readiness.js";
import type { ChatAdapter } from "../../src/ports.js";
import { openStore } from "../../src/store/store.js";
import { RecordingAnnouncer } from "../fakes/recording-announcer.js";

const adapter = (ready: boolean, reason?: string): ChatAdapter => ({
  platform: "discord",
  announcer: new RecordingAnnouncer("discord"),
  start: async () => undefined,
  stop: async () => undefined,
  status: () => (reason === undefined ? { ready } : { ready, reason }),
});
const HOUR = 3_600_000;
const startedAt = new Date("2026-11-28T00:00:00Z");
const at = (hours: number) => () => new Date(startedAt.getTime() + hours * HOUR);
const run = (result: "changed" | "failed", hours: number) => ({
  source: "s",
  startedAt: at(hours)().toISOString(),
  finishedAt: at(hours)().toISOString(),
  result,
  detail: result === "failed" ? "HTTP 500" : null,
  added: 0,
  changed: 0,
  removed: 0,
});

describe("readiness", () => {
  it("is ready with the store open, adapters connected and a recent successful sync", () => {
    const store = openStore(":memory:");
    store.runs.record(run("changed", 1));
    expect(checkReadiness({ store, adapters: [adapter(true)], source: "s", now: at(2), syncMaxAgeMs: 3 * HOUR, startedAt })).toMatchObject({ ready: true });
  });

  it("is not ready while an adapter is disconnected, saying why", () => {
    const store = openStore(":memory:");
    const r = checkReadiness({ store, adapters: [adapter(false, "gateway reconnecting")], source: "s", now: at(0), syncMaxAgeMs: 3 * HOUR, startedAt });
    expect(r).toMatchObject({ ready: false, checks: expect.arrayContaining([{ name: "discord", ok: false, detail: "gateway reconnecting" }]) });
  });

  it("tolerates failed syncs for a while, then is not ready with the last error", () => {
    const store = openStore(":memory:");
    store.runs.record(run("changed", 0));
    store.runs.record(run("failed", 1));
    expect(checkReadiness({ store, adapters: [], source: "s", now: at(2), syncMaxAgeMs: 3 * HOUR, startedAt }).ready).toBe(true);
    store.runs.record(run("failed", 4));
    const stale = checkReadiness({ store, adapters: [], source: "s", now: at(4), syncMaxAgeMs: 3 * HOUR, startedAt });
    expect(stale).toMatchObject({ ready: false, checks: [{ name: "store", ok: true }, { name: "sync", ok: false, detail: expect.stringContaining("no successful sync since 2026-11-28T00:00:00.000Z; last: failed (HTTP 500)") }] });
  });

  it("is not ready while a platform refuses the bot's credentials, naming it", () => {
    const store = openStore(":memory:");
    store.runs.record(run("changed", 1));
    const hold = { platform: "slack", reason: "invalid_auth: Slack rejects the bot token", since: "2026-11-28T01:00:00.000Z", until: "2026-11-28T01:05:00.000Z" };
    const r = checkReadiness({ store, adapters: [adapter(true)], source: "s", now: at(2), syncMaxAgeMs: 3 * HOUR, startedAt, heldPlatforms: () => [hold] });
    expect(r.ready).toBe(false);
    expect(r.checks.filter((c) => !c.ok)).toEqual([{ name: "slack credentials", ok: false, detail: "deliveries held since 2026-11-28T01:00:00.000Z: invalid_auth: Slack rejects the bot token" }]);
  });

  it("is not ready once the store is closed", () => {
    const store = openStore(":memory:");
    store.close();
    expect(checkReadiness({ store, adapters: [], source: "s", now: at(0), syncMaxAgeMs: HOUR, startedAt })).toEqual({ ready: false, checks: [{ name: "store", ok: false, detail: "closed" }] });
  });

  it("checks each followed list alone: one failing for hours is named while the other is fine", () => {
    const store = openStore(":memory:");
    store.runs.record(run("changed", 1));
    store.runs.record({ ...run("changed", 0), source: "t" });
    store.runs.record({ ...run("failed", 4), source: "t" });
    const r = checkReadiness({ store, adapters: [], source: "s", lists: [{ id: "mss", source: "s" }, { id: "llmsys", source: "t" }], now: at(4), syncMaxAgeMs: 3 * HOUR, startedAt });
    expect(r.ready).toBe(false);
    expect(r.checks.filter((c) => c.name.startsWith("sync"))).toEqual([
      { name: "sync mss", ok: true, detail: "last sync changed at 2026-11-28T01:00:00.000Z" },
      { name: "sync llmsys", ok: false, detail: "no successful sync since 2026-11-28T00:00:00.000Z; last: failed (HTTP 500)" },
    ]);
  });
});
