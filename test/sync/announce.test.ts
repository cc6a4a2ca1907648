import { rmSync } from "node:fs";
import { dirname } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { bundledText, run, testServices } from "../helpers/bundled.js";
import { tempDbPath } from "../helpers/spawn.js";
import { versionTwo } from "../helpers/versions.js";
import { FakeUpstream } from "../fakes/upstream-server.js";
import { RecordingAnnouncer } from "../fakes/recording-announcer.js";
import type { Services } from "../../src/services.js";

let upstream: FakeUpstream;
let dbPath: string;
const open = (): Services => testServices(bundledText(), { upstream: { kind: "url", url: upstream.url }, dbPath });
const subscribe = (s: Services, channel: string, filter: Record<string, string> = {}) =>
  run("subscribe", filter, s, { platform: "discord", isAdmin: true, channel });

beforeEach(async () => {
  upstream = await new FakeUpstream().start();
  upstream.serve(bundledText());
  dbPath = tempDbPath();
});
afterEach(async () => {
  await upstream.stop();
  rmSync(dirname(dbPath), { recursive: true, force: true });
});

describe("announcing what changed upstream", () => {
  it("stores a baseline on the first sync and announces nothing", async () => {
    const s = open();
    const discord = new RecordingAnnouncer("discord");
    s.deliverer.register(discord);
    await subscribe(s, "all");
    expect(await s.sync.run()).toMatchObject({ result: "baseline", detail: "stored 25 papers as the baseline; nothing announced" });
    await s.deliverer.deliverDue();
    expect(discord.calls).toEqual([]);
  });

  it("announces exactly the 3 added papers and the changed one, once, to each channel its filter lets through, in list order", async () => {
    const s = open();
    const discord = new RecordingAnnouncer("discord");
    s.deliverer.register(discord);
    await subscribe(s, "all");
    await subscribe(s, "scheduling", { tag: "scheduling" });
    await subscribe(s, "osdi", { venue: "osdi" });
    await s.sync.run();

    upstream.serve(versionTwo());
    const report = await s.sync.run();
    expect(report).toMatchObject({ result: "changed", detail: "3 added, 1 changed, 0 removed", deliveries: 7 });
    await s.deliverer.deliverDue();

    expect(discord.namesIn("all")).toEqual(["added:FlexServe", "changed:Atom", "added:InferLine", "added:ZipServe"]);
    expect(discord.namesIn("scheduling")).toEqual(["added:FlexServe"]);
    expect(discord.namesIn("osdi")).toEqual(["changed:Atom", "added:ZipServe"]);
    const atom = discord.posted.find((p) => p.reply.kind === "announcement" && p.reply.items[0]?.card.name === "Atom");
    expect(atom?.reply).toMatchObject({ items: [{ change: "changed", changes: ["year: 2023 → 2024", "venue: arXiv → OSDI", "code link added: https://github.com/efeslab/Atom"] }] });
    expect(discord.calls).toHaveLength(7);
  });

  it("announces nothing more on a repeated sync, a 304, a redelivery or a restart", async () => {
    const first = open();
    const discord = new RecordingAnnouncer("discord");
    first.deliverer.register(discord);
    await subscribe(first, "all");
    await first.sync.run();
    upstream.serve(versionTwo());
    await first.sync.run();
    await first.deliverer.deliverDue();
    expect(await first.sync.run()).toMatchObject({ result: "not-modified" });
    expect(upstream.requests.at(-1)).toMatchObject({ status: 304, ifNoneMatch: expect.stringMatching(/^"/), userAgent: expect.stringContaining("mss-bot") });
    await first.deliverer.deliverDue();
    first.store.close();

    const restarted = open();
    restarted.deliverer.register(discord);
    expect(restarted.catalog.list.papers).toHaveLength(28);
    expect(await restarted.sync.run()).toMatchObject({ result: "not-modified" });
    await restarted.deliverer.deliverDue();
    expect(discord.calls).toHaveLength(4);
    restarted.store.close();
  });

  it("does not announce a paper again when it disappears and comes back, nor a change it already announced", async () => {
    const s = open();
    const discord = new RecordingAnnouncer("discord");
    s.deliverer.register(discord);
    await subscribe(s, "all");
    await s.sync.run();
    upstream.serve(versionTwo());
    await s.sync.run();
    upstream.serve(bundledText());
    expect(await s.sync.run()).toMatchObject({ result: "changed", detail: expect.stringContaining("3 removed") });
    upstream.serve(versionTwo());
    await s.sync.run();
    await s.deliverer.deliverDue();
    // The revert (OSDI back to arXiv) is a venue change of its own; re-applying the first change is not new.
    expect(discord.namesIn("all")).toEqual(["added:FlexServe", "changed:Atom", "added:InferLine", "added:ZipServe", "changed:Atom"]);
    const revert = discord.posted.at(-1)?.reply;
    expect(revert).toMatchObject({ items: [{ changes: ["year: 2024 → 2023", "venue: OSDI → arXiv"] }] });
  });

  it("skips announcing changes when MSS_ANNOUNCE_CHANGES is off", async () => {
    const { SyncService } = await import("../../src/sync/sync-service.js");
    const s = open();
    const quiet = new SyncService({ store: s.store, catalog: s.catalog, log: s.log, now: s.now, upstream: { kind: "url", url: upstream.url }, announceChanges: false, maxAnnounce: 10 });
    const discord = new RecordingAnnouncer("discord");
    s.deliverer.register(discord);
    await subscribe(s, "all");
    await quiet.run();
    upstream.serve(versionTwo());
    await quiet.run();
    await s.deliverer.deliverDue();
    expect(discord.namesIn("all")).toEqual(["added:FlexServe", "added:InferLine", "added:ZipServe"]);
  });

  it("runs two syncs triggered at once one after the other", async () => {
    const s = open();
    await s.sync.run();
    upstream.delayMs = 150;
    upstream.serve(versionTwo());
    const [a, b] = await Promise.all([s.sync.run(), s.sync.run()]);
    expect(upstream.maxInFlight).toBe(1);
    expect([a.result, b.result]).toEqual(["changed", "not-modified"]);
  });
});
