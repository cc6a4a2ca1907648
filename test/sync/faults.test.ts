import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseListIsolated } from "../../src/papers/parse-isolated.js";
import type { Services } from "../../src/services.js";
import type { SyncDeps } from "../../src/sync/sync-service.js";
import { FakeUpstream, type Fault } from "../fakes/upstream-server.js";
import { RecordingAnnouncer } from "../fakes/recording-announcer.js";
import { bundledText, run, testServices } from "../helpers/bundled.js";
import { capturedLog } from "../helpers/captured-log.js";
import { versionTwo } from "../helpers/versions.js";

let upstream: FakeUpstream;
beforeEach(async () => {
  upstream = await new FakeUpstream().start();
  upstream.serve(bundledText());
});
afterEach(() => upstream.stop());

/** A bot that has its baseline and a subscribed channel, with the upstream then moving to version two. */
async function baselined(retries = 0, readList?: SyncDeps["readList"]) {
  const logs = capturedLog();
  const s: Services = testServices(bundledText(), { upstream: { kind: "url", url: upstream.url }, log: logs.log, fetch: { retries, backoffMs: 10, timeoutMs: 1500 }, readList });
  const discord = new RecordingAnnouncer("discord");
  s.deliverer.register(discord);
  await run("subscribe", {}, s, { platform: "discord", isAdmin: true, channel: "c" });
  await s.sync.run();
  const baselineHash = s.store.snapshots.get(s.sync.source)?.hash;
  upstream.serve(versionTwo());
  return { s, discord, logs, baselineHash };
}

const BAD: Array<[Fault, string, RegExp]> = [
  ["500", "failed", /HTTP 500/],
  ["404", "failed", /HTTP 404/],
  ["timeout", "failed", /no answer within 1500 ms/],
  ["html", "rejected", /HTML page/],
  ["empty", "rejected", /the list is empty/],
  ["huge", "failed", /larger than 5242880 bytes/],
  ["truncated-body", "failed", /broke off|socket hang up/],
  ["reset", "failed", /socket hang up/],
];

describe("a bad upstream never costs the last good list", () => {
  it.each(BAD)("%s: no announcement, the last good snapshot kept, logged", async (fault, result, detail) => {
    const { s, discord, logs, baselineHash } = await baselined();
    upstream.fail(fault);
    expect(await s.sync.run()).toMatchObject({ result, detail: expect.stringMatching(detail) });
    await s.deliverer.deliverDue();
    expect(discord.calls).toEqual([]);
    expect(s.store.snapshots.get(s.sync.source)?.hash).toBe(baselineHash);
    expect(s.catalog.list.papers).toHaveLength(25);
    expect(logs.lines.find((l) => l.msg === `sync ${result}`)).toMatchObject({ level: 40, detail: expect.stringMatching(detail) });
    expect(s.store.runs.last(s.sync.source)).toMatchObject({ result });

    expect(await s.sync.run()).toMatchObject({ result: "changed", detail: "3 added, 1 changed, 0 removed" });
    await s.deliverer.deliverDue();
    expect(discord.posted).toHaveLength(4);
  });

  it("refuses an upstream whose reading overruns the reader's time limit, and answers commands while it reads", async () => {
    const { s, discord, baselineHash } = await baselined(0, (markdown) => parseListIsolated(markdown, { timeoutMs: 1500, maxHeapMb: 512 }));
    // About 2 MB of "![": markdown-it reads it in linear time, but at seconds per megabyte.
    upstream.serve(`${bundledText()}\n\n${"![".repeat(1_000_000)}\n`);
    let syncDone = false;
    const syncing = s.sync.run().finally(() => (syncDone = true));
    const answer = await run("paper", { query: "AlpaServe" }, s);
    expect(syncDone).toBe(false);
    expect(answer).toMatchObject({ kind: "paper", card: { name: "AlpaServe" } });
    expect(await syncing).toMatchObject({ result: "rejected", detail: "reading the list took longer than 1.5 s; kept the last good list" });
    expect(s.store.snapshots.get(s.sync.source)?.hash).toBe(baselineHash);
    expect(s.catalog.list.papers).toHaveLength(25);
    await s.deliverer.deliverDue();
    expect(discord.calls).toEqual([]);
  });

  it("rejects a table truncated mid-row that still parses, and keeps the snapshot", async () => {
    const { s, discord } = await baselined();
    const text = versionTwo();
    upstream.serve(text.slice(0, text.indexOf("| ExoFlow") + 25));
    expect(await s.sync.run()).toMatchObject({ result: "rejected", detail: expect.stringContaining("middle of a table row") });
    await s.deliverer.deliverDue();
    expect(discord.calls).toEqual([]);
  });

  it("retries a 500 with backoff within the same sync and then succeeds", async () => {
    const { s, discord } = await baselined(2);
    upstream.fail("500", "503");
    expect(await s.sync.run()).toMatchObject({ result: "changed" });
    expect(upstream.requests.slice(-3).map((r) => r.status)).toEqual([500, 503, 200]);
    await s.deliverer.deliverDue();
    expect(discord.posted).toHaveLength(4);
  });

  it("does not retry a 404", async () => {
    const { s } = await baselined(3);
    upstream.fail("404");
    await s.sync.run();
    expect(upstream.requests.slice(-1).map((r) => r.status)).toEqual([404]);
  });

  it("reads a file source and refuses a missing file with the reason", async () => {
    const s = testServices(bundledText(), { upstream: { kind: "file", path: "/nonexistent/list.md" } });
    expect(await s.sync.run()).toMatchObject({ result: "failed", detail: expect.stringContaining("cannot read /nonexistent/list.md: ENOENT") });
  });
});
