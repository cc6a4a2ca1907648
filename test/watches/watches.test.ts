import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Announcer, DeliveryResult } from "../../src/ports.js";
import type { Reply } from "../../src/replies/reply.js";
import type { Services } from "../../src/services.js";
import { FakeUpstream } from "../fakes/upstream-server.js";
import { RecordingAnnouncer } from "../fakes/recording-announcer.js";
import { run, testServices } from "../helpers/bundled.js";
import { listWith, startFakeScholar, type FakeScholar } from "../scholar/scholar-fixtures.js";

let upstream: FakeUpstream;
let fake: FakeScholar;
let dir: string;
const opened: Services[] = [];
beforeEach(async () => {
  upstream = await new FakeUpstream().start();
  fake = await startFakeScholar();
  dir = mkdtempSync(join(tmpdir(), "mss-watches-"));
});
afterEach(async () => {
  for (const s of opened.splice(0)) s.store.close();
  await upstream.stop();
  await fake.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** Services syncing from the fake upstream (first version: `first`), with the fake scholarly sources. */
async function services(first: string): Promise<Services> {
  upstream.serve(first);
  const s = testServices(first, { upstream: { kind: "url", url: upstream.url }, now: fake.clock.date, dbPath: join(dir, "bot.db"), scholar: { sources: fake.sources() } });
  opened.push(s);
  await s.sync.run();
  return s;
}

const as = (user: string, platform: "discord" | "slack" = "discord") => ({ platform, channel: "c1", user });
const watch = (s: Services, args: Record<string, string>, user = "u1") => run("watch", args, s, as(user));
const dmNames = (platform: RecordingAnnouncer) =>
  platform.directs.map((d) => `${d.channelId}:${d.reply.kind === "announcement" ? d.reply.items.map((i) => i.card.name).join(",") : d.reply.kind}`);

describe("personal watches", () => {
  it("sends one DM when a watched author's paper, added to the list, is resolved by the scholarly records", async () => {
    const s = await services(listWith("Sia"));
    expect(await watch(s, { author: "ion stoica" })).toMatchObject({ kind: "notice", text: expect.stringContaining('Watching author "ion stoica" (watch 1)') });
    // Zhihao Jia is an author of Sia (listed before the watch) and of SpotServe (added after).
    expect(await watch(s, { author: "Zhihao Jia" })).toMatchObject({ kind: "notice" });

    upstream.serve(listWith("Sia", "AlpaServe", "SpotServe"));
    expect((await s.sync.run()).result).toBe("changed");
    // No record yet: the row has no authors, so nothing matches yet.
    expect(s.store.outbox.counts()).toMatchObject({ pending: 0 });

    await s.scholar.run();
    expect(s.store.scholar.get("alpaserve")?.record?.authors).toContain("Ion Stoica");
    const discord = new RecordingAnnouncer("discord");
    s.deliverer.register(discord);
    await s.deliverer.deliverDue();
    expect(dmNames(discord).sort()).toEqual(["u1:AlpaServe", "u1:SpotServe"]);
    expect(discord.directs[0]?.reply).toMatchObject({ kind: "announcement", headline: expect.stringMatching(/^Your watch author "(ion stoica|Zhihao Jia)" matched a paper/) });
    const alpa = discord.directs.find((d) => d.key.includes("alpaserve"))?.reply;
    expect(alpa).toMatchObject({ items: [{ card: { name: "AlpaServe", record: { authors: expect.arrayContaining(["Ion Stoica"]) } } }] });
    expect(discord.posted).toEqual([]);

    // Resolved again (a refresh): once per paper and watch, nothing more.
    await s.scholar.run({ refresh: true });
    await s.deliverer.deliverDue();
    expect(discord.directs).toHaveLength(2);
    const listed = await run("watches", {}, s, as("u1"));
    expect(JSON.stringify(listed)).toContain('author \\"ion stoica\\": 1 paper so far');
  });

  it("matches a keyword, a category and a venue on the row when a paper is added, once per watch and paper", async () => {
    const s = await services(listWith("Sia"));
    await watch(s, { keyword: "alpaserve" });
    await watch(s, { venue: "osdi" });
    await watch(s, { venue: "osdi" }, "u2");
    await watch(s, { venue: "NSDI" }, "u3");
    await watch(s, { tag: "Resource Scheduling" }, "u3");
    upstream.serve(listWith("Sia", "AlpaServe", "TapFinger"));
    await s.sync.run();
    const discord = new RecordingAnnouncer("discord");
    s.deliverer.register(discord);
    await s.deliverer.deliverDue();
    expect(dmNames(discord).sort()).toEqual(["u1:AlpaServe", "u1:AlpaServe", "u2:AlpaServe", "u3:TapFinger"]);
    await s.scholar.run();
    await s.deliverer.deliverDue();
    expect(discord.directs).toHaveLength(4);
  });

  it("allows 20 watches per person, refuses the 21st, and frees a place on unwatch", async () => {
    const s = await services(listWith("Sia"));
    for (let i = 1; i <= 20; i++) expect(await watch(s, { keyword: `topic ${i}` })).toMatchObject({ kind: "notice" });
    expect(await watch(s, { keyword: "topic 21" })).toMatchObject({ kind: "error", text: "You have 20 watches, the most one person may have." });
    // Someone else is not limited by u1's watches.
    expect(await watch(s, { keyword: "topic 21" }, "u2")).toMatchObject({ kind: "notice" });
    expect(await watch(s, { keyword: "Topic 3" })).toMatchObject({ kind: "notice", text: 'You already watch keyword "topic 3" (watch 3).' });
    expect(await run("unwatch", { id: "21" }, s, as("u1"))).toMatchObject({ kind: "error", text: "You have no watch 21." });
    expect(await run("unwatch", { id: "5" }, s, as("u1"))).toMatchObject({ kind: "notice", text: 'Stopped watching keyword "topic 5" (watch 5).' });
    expect(await watch(s, { keyword: "topic 21" })).toMatchObject({ kind: "notice" });
    const listed = await run("watches", {}, s, as("u1"));
    expect(listed).toMatchObject({ kind: "info", text: "20 of at most 20. Remove one with unwatch <number>." });
    expect(await watch(s, {})).toMatchObject({ kind: "error", text: "Say what to watch: an author, a keyword, a tag or a venue." });
    expect(await watch(s, { author: "A", venue: "OSDI" })).toMatchObject({ kind: "error" });
    // A letter or initials would DM a large share of new papers: refused, with how to name a person.
    expect(await watch(s, { author: "J" })).toMatchObject({ kind: "error", text: 'author: "J" is only initials; an author is found by surname.', hint: expect.stringContaining('author:"Ion Stoica"') });
    expect(await watch(s, { author: "I. S." })).toMatchObject({ kind: "error", reason: "invalid" });
    expect(await watch(s, { tag: "no-such-category" })).toMatchObject({ kind: "error", text: 'Unknown category "no-such-category".' });
  });

  it("fails only the watch whose DM the platform refused (the user blocked the bot), and drops what it still had queued", async () => {
    const s = await services(listWith("Sia"));
    await watch(s, { venue: "OSDI" });
    await watch(s, { author: "Ion Stoica" });
    await watch(s, { venue: "OSDI" }, "u2");
    s.store.subscriptions.subscribe("discord", "c1", {}, "admin", fake.clock.date().toISOString());
    upstream.serve(listWith("Sia", "AlpaServe"));
    await s.sync.run();
    await s.scholar.run();

    const sent: string[] = [];
    const blocked: Announcer = {
      platform: "discord",
      announce: async (_channel: string, _reply: Reply, key: string) => ({ ok: true, messageId: key }),
      // u1 refuses DMs from the bot only for the venue watch's first DM; a refused DM is permanent for that watch.
      direct: async (userId: string, _reply: Reply, key: string): Promise<DeliveryResult> => {
        if (userId === "u1" && key.startsWith("watch|1|")) return { ok: false, retry: "permanent", reason: "Cannot send messages to this user (Discord error 50007, HTTP 403)" };
        sent.push(key);
        return { ok: true, messageId: key };
      },
    };
    s.deliverer.register(blocked);
    await s.deliverer.deliverDue();
    expect(sent.sort()).toEqual(["watch|2|alpaserve|dm:discord:u1", "watch|3|alpaserve|dm:discord:u2"]);
    expect(s.store.watches.get(1)).toMatchObject({ status: "failed", statusReason: "the direct message could not be delivered: Cannot send messages to this user (Discord error 50007, HTTP 403)" });
    expect(s.store.watches.get(2)?.status).toBe("active");
    expect(s.store.watches.get(3)?.status).toBe("active");
    expect(s.store.subscriptions.get("discord", "c1")).toMatchObject({ status: "active", permanentFailures: 0 });
    const listed = await run("watches", {}, s, as("u1"));
    expect(JSON.stringify(listed)).toContain("venue OSDI: stopped, the direct message could not be delivered");
  });

  it("refuses watches on the command line, which has no direct messages", async () => {
    const s = await services(listWith("Sia"));
    const reply = await run("watch", { venue: "OSDI" }, s, { platform: "cli", channel: null });
    expect(reply).toMatchObject({ kind: "error", text: "Watches answer with direct messages: set them in Discord, Slack or the console." });
  });
});
