import { rmSync } from "node:fs";
import { dirname } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { run, testServices } from "../helpers/bundled.js";
import { buildList, row } from "../helpers/list-builder.js";
import { tempDbPath } from "../helpers/spawn.js";
import { FakeUpstream } from "../fakes/upstream-server.js";
import { RecordingAnnouncer } from "../fakes/recording-announcer.js";
import type { Reply } from "../../src/replies/reply.js";
import type { Services } from "../../src/services.js";

/** Two followed lists, each served by its own loopback upstream: "mss" (a table) and "llmsys". */
let mss: FakeUpstream;
let llmsys: FakeUpstream;
let dbPath: string;

const base = [row("AlpaServe", { paper: "[Paper](https://arxiv.org/abs/2302.11665)" }), row("Clipper")];
const other = [row("Orca", { paper: "[Paper](https://www.usenix.org/conference/osdi22/presentation/yu)" })];
// The same paper on both lists: one arXiv id, two names.
const shared = (name: string) => row(name, { paper: "[Paper](https://arxiv.org/abs/2312.06902v1)", venue: "SOSP" });

const open = (): Services =>
  testServices("", {
    lists: [
      { id: "mss", upstream: { kind: "url", url: mss.url } },
      { id: "llmsys", upstream: { kind: "url", url: llmsys.url } },
    ],
    dbPath,
  });
const subscribe = (s: Services, channel: string, args: Record<string, string> = {}) => run("subscribe", args, s, { platform: "discord", isAdmin: true, channel });
const headlines = (a: RecordingAnnouncer, channel: string) =>
  a.posted.filter((p) => p.channelId === channel).map((p) => (p.reply.kind === "announcement" ? `${p.reply.headline}: ${p.reply.items[0]?.card.name}` : p.reply.kind));
const rowsOf = (reply: Reply) => (reply.kind === "info" ? reply.sections.map((s) => [s.title, s.rows.map((r) => `${r.label}: ${r.value}`)]) : reply);

beforeEach(async () => {
  mss = await new FakeUpstream().start();
  llmsys = await new FakeUpstream().start();
  mss.serve(buildList(base));
  llmsys.serve(buildList(other));
  dbPath = tempDbPath();
});
afterEach(async () => {
  await mss.stop();
  await llmsys.stop();
  rmSync(dirname(dbPath), { recursive: true, force: true });
});

describe("following several lists", () => {
  it("refuses a broken list alone, with its reason, while the other syncs and its additions are announced naming their list", async () => {
    const s = open();
    const discord = new RecordingAnnouncer("discord");
    s.deliverer.register(discord);
    await subscribe(s, "all");
    expect((await s.sync.runAll()).map((r) => [r.list, r.result])).toEqual([
      ["mss", "baseline"],
      ["llmsys", "baseline"],
    ]);

    mss.serve(buildList([...base, row("FlexServe")]));
    llmsys.fail("html");
    const reports = await s.sync.runAll();
    expect(reports.map((r) => [r.list, r.result])).toEqual([
      ["mss", "changed"],
      ["llmsys", "rejected"],
    ]);
    expect(reports[1]?.detail).toMatch(/HTML page.*kept the last good list/);
    await s.deliverer.deliverDue();
    expect(headlines(discord, "all")).toEqual(["New paper on mss: FlexServe"]);
    // The refused list keeps its last good version: Orca is still found.
    expect(s.catalog.listVersion("llmsys")?.list.papers.map((p) => p.name)).toEqual(["Orca"]);
    expect(await run("paper", { query: "Orca" }, s)).toMatchObject({ kind: "paper", card: { name: "Orca" } });

    const lists = rowsOf(await run("lists", {}, s));
    expect(lists).toEqual([
      ["mss", ["Source: " + mss.url, "Papers: 3", expect.stringMatching(/^Last sync: .*: changed \(1 added/)]],
      ["llmsys", ["Source: " + llmsys.url, "Papers: 1", expect.stringMatching(/^Last sync: .*: rejected/), expect.stringMatching(/^Warning: refused: .*HTML page/)]],
    ]);

    // The sync command shows each list's result; sync list:ID runs one.
    llmsys.fail("html");
    const reply = await run("sync", {}, s, { isAdmin: true });
    expect(reply).toMatchObject({ kind: "info", title: "Synced 2 lists", text: "0 deliveries queued; 1 of 2 lists could not be read and keep their last good version (llmsys)" });
    expect(rowsOf(reply)).toEqual([["Lists", ["mss: not-modified: The upstream list has not changed (304 Not Modified).", expect.stringMatching(/^llmsys: rejected: The upstream list was rejected: .*HTML page/)]]]);
    const one = await run("sync", { list: "llmsys" }, s, { isAdmin: true });
    expect(one).toMatchObject({ kind: "notice" });
    expect(await run("sync", { list: "nope" }, s, { isAdmin: true })).toMatchObject({ kind: "error", text: 'list: no followed list is called "nope".', hint: expect.stringContaining("mss, llmsys") });
  });

  it("announces a paper both lists add once in a channel following every list, and once in a channel following only the second", async () => {
    const s = open();
    const discord = new RecordingAnnouncer("discord");
    s.deliverer.register(discord);
    await subscribe(s, "all");
    await subscribe(s, "only-llmsys", { list: "llmsys" });
    await subscribe(s, "only-mss", { list: "mss" });
    await s.sync.runAll();

    mss.serve(buildList([...base, shared("Perseus")]));
    await s.sync.runAll();
    llmsys.serve(buildList([...other, shared("Perseus-Energy")]));
    await s.sync.runAll();
    await s.deliverer.deliverDue();

    expect(headlines(discord, "all")).toEqual(["New paper on mss: Perseus"]);
    expect(headlines(discord, "only-mss")).toEqual(["New paper on mss: Perseus"]);
    expect(headlines(discord, "only-llmsys")).toEqual(["New paper on llmsys: Perseus-Energy"]);
    // Each card names the lists holding the paper when it was announced, and its id is the one merged paper's.
    const cards = discord.posted.flatMap((p) => (p.reply.kind === "announcement" ? [p.reply.items[0]?.card] : []));
    expect(cards.map((c) => [c?.name, c?.id, c?.lists])).toEqual([
      ["Perseus", "perseus", ["mss"]],
      ["Perseus", "perseus", ["mss"]],
      ["Perseus-Energy", "perseus", ["mss", "llmsys"]],
    ]);
    // One paper on the merged list, naming both lists.
    expect(s.catalog.list.papers.filter((p) => p.links.paper?.includes("2312.06902")).map((p) => p.lists)).toEqual([["mss", "llmsys"]]);

    // why, per list, in the channel that follows every list.
    const why = rowsOf(await run("why", { paper: "Perseus" }, s, { platform: "discord", channel: "all" }));
    expect(why).toEqual([
      ["List mss", ["First seen: 2026-11-28 12:00 UTC", "Here: its addition was announced here on 2026-11-28 12:00 UTC"]],
      ["List llmsys", ["First seen: 2026-11-28 12:00 UTC", "Here: its addition was not posted here: already announced here from list mss"]],
    ]);
    const whyB = rowsOf(await run("why", { paper: "Perseus" }, s, { platform: "discord", channel: "only-llmsys" }));
    expect(whyB).toEqual([
      ["List mss", ["First seen: 2026-11-28 12:00 UTC", "Here: its addition was not posted here: filtered out: the channel follows list llmsys, and this came from list mss"]],
      ["List llmsys", ["First seen: 2026-11-28 12:00 UTC", "Here: its addition was announced here on 2026-11-28 12:00 UTC"]],
    ]);
  });

  it("announces it once even when both lists add it in the same sync, and in a daily digest", async () => {
    const s = open();
    const discord = new RecordingAnnouncer("discord");
    s.deliverer.register(discord);
    await subscribe(s, "all");
    await subscribe(s, "daily", { mode: "daily" });
    await s.sync.runAll();
    mss.serve(buildList([...base, shared("Perseus")]));
    llmsys.serve(buildList([...other, shared("Perseus-Energy")]));
    await s.sync.runAll();
    await s.deliverer.deliverDue();
    expect(headlines(discord, "all")).toHaveLength(1);
    const daily = s.store.subscriptions.get("discord", "daily");
    expect(s.store.digestItems.waiting(daily?.id ?? -1)).toHaveLength(1);
  });

  it("holds a paper both lists add once in the flood guard's digest too", async () => {
    const s = testServices("", {
      lists: [
        { id: "mss", upstream: { kind: "url", url: mss.url } },
        { id: "llmsys", upstream: { kind: "url", url: llmsys.url } },
      ],
      dbPath,
      maxAnnounce: 1,
    });
    const discord = new RecordingAnnouncer("discord");
    s.deliverer.register(discord);
    await subscribe(s, "all");
    await s.sync.runAll();
    const second = row("Tetris", { paper: "[Paper](https://arxiv.org/abs/2401.00002)" });
    mss.serve(buildList([...base, shared("Perseus"), second]));
    await s.sync.runAll();
    llmsys.serve(buildList([...other, shared("Perseus-Energy"), { ...second, name: "Tetris-Serving" }]));
    await s.sync.runAll();
    await s.deliverer.deliverDue();
    expect(discord.posted.map((p) => (p.reply.kind === "digest" ? `${p.reply.headline}: ${p.reply.items.map((i) => i.name).join(", ")}` : p.reply.kind))).toEqual(["2 new papers on mss: Perseus, Tetris"]);
  });

  it("keeps subscribe list: to the followed ids, and list:any clears it", async () => {
    const s = open();
    expect(await subscribe(s, "c", { list: "serving" })).toMatchObject({ kind: "error", text: 'list: no followed list is called "serving".', hint: "Lists: mss, llmsys (see `lists`)." });
    expect(await subscribe(s, "c", { list: "LLMSYS" })).toMatchObject({ kind: "notice", text: expect.stringContaining("Announcements on for this channel: list llmsys.") });
    expect(rowsOf(await run("subscriptions", {}, s, { platform: "discord", channel: "c" }))).toEqual([["Subscription", expect.arrayContaining(["Filter: list llmsys", "Lists: only llmsys"])]]);
    expect(await subscribe(s, "c", { list: "any" })).toMatchObject({ kind: "notice", text: expect.stringContaining("Changed: list llmsys → any.") });
    expect(s.store.subscriptions.get("discord", "c")?.filter).toEqual({});
  });
});

describe("personal watches over several lists", () => {
  it("DM a paper once per watch even when both lists add it, and follow every list's additions", async () => {
    const s = open();
    const discord = new RecordingAnnouncer("discord");
    s.deliverer.register(discord);
    expect(await run("watch", { venue: "SOSP" }, s, { platform: "discord", user: "U1" })).toMatchObject({ kind: "notice" });
    await s.sync.runAll();
    mss.serve(buildList([...base, shared("Perseus")]));
    await s.sync.runAll();
    llmsys.serve(buildList([...other, shared("Perseus-Energy"), row("Tetris", { venue: "SOSP" })]));
    await s.sync.runAll();
    await s.deliverer.deliverDue();
    const dms = discord.directs.map((d) => (d.reply.kind === "announcement" ? `${d.channelId}: ${d.reply.headline}: ${d.reply.items[0]?.card.name}` : d.reply.kind));
    expect(dms).toEqual(["U1: Your watch venue SOSP matched a paper on mss: Perseus", "U1: Your watch venue SOSP matched a paper on llmsys: Tetris"]);
  });
});

describe("the reading group over several lists", () => {
  it("queues papers newly announced on any list, under the merged list's id", async () => {
    const s = open();
    await s.sync.runAll();
    // A paper named like one on the first list, but a different paper (another arXiv id): the merge calls it alpaserve@llmsys.
    mss.serve(buildList([...base, row("Perseus")]));
    llmsys.serve(buildList([...other, row("AlpaServe", { paper: "[Paper](https://arxiv.org/abs/2401.00001)" })]));
    await s.sync.runAll();
    expect(s.catalog.list.papers.map((p) => p.id)).toContain("alpaserve@llmsys");
    expect([...s.reading.input().groupQueue].sort()).toEqual(["alpaserve@llmsys", "perseus"]);
  });
});
