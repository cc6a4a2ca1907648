import { rmSync } from "node:fs";
import { dirname } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Reply } from "../../src/replies/reply.js";
import type { Services } from "../../src/services.js";
import { digestJob } from "../../src/sync/digest-job.js";
import { queueDueDigests } from "../../src/sync/scheduled-digest.js";
import { FakeUpstream } from "../fakes/upstream-server.js";
import { RecordingAnnouncer } from "../fakes/recording-announcer.js";
import { bundledText, run, testServices } from "../helpers/bundled.js";
import { TestClock } from "../helpers/clock.js";
import { alpaServeRecord, withRecords } from "../helpers/records.js";
import { tempDbPath } from "../helpers/spawn.js";
import { addRow, newRow, versionTwo } from "../helpers/versions.js";

let upstream: FakeUpstream;
let dbPath: string;
const opened: Services[] = [];

beforeEach(async () => {
  upstream = await new FakeUpstream().start();
  upstream.serve(bundledText());
  dbPath = tempDbPath();
});
afterEach(async () => {
  for (const s of opened.splice(0)) s.store.close();
  await upstream.stop();
  rmSync(dirname(dbPath), { recursive: true, force: true });
});

/** Services on the test's database file at the clock's time, in a zone; a second call is the bot restarted. */
function open(clock: TestClock, timeZone = "UTC") {
  const s = testServices(bundledText(), { upstream: { kind: "url", url: upstream.url }, dbPath, now: clock.now, timeZone });
  opened.push(s);
  const discord = new RecordingAnnouncer("discord");
  s.deliverer.register(discord);
  return { s, discord };
}

const admin = (channel: string) => ({ platform: "discord" as const, isAdmin: true, channel });
const runDigests = (s: Services) => digestJob(s).run();
const digestsIn = (discord: RecordingAnnouncer, channel: string) =>
  discord.posted.filter((p) => p.channelId === channel && p.reply.kind === "digest").map((p) => p.reply as Extract<Reply, { kind: "digest" }>);
const names = (reply: Extract<Reply, { kind: "digest" }>) => reply.items.map((c) => c.name);

describe("daily and weekly digests", () => {
  it("posts one daily digest at its time with everything since, and never a second for the same period", async () => {
    const clock = new TestClock(Date.parse("2026-11-28T12:00:00Z"));
    const { s, discord } = open(clock);
    expect(await run("subscribe", { mode: "daily", at: "09:00" }, s, admin("daily"))).toMatchObject({
      text: "Announcements on for this channel: every paper. New papers are collected into one digest, daily at 09:00 (UTC); the next goes out Sun 29 Nov 2026, 09:00 if there is news.",
    });
    await run("subscribe", {}, s, admin("instant"));
    await s.sync.run();
    upstream.serve(versionTwo());
    expect(await s.sync.run()).toMatchObject({ result: "changed", detail: "3 added, 1 changed, 0 removed" });
    await s.deliverer.deliverDue();
    expect(discord.namesIn("instant")).toEqual(["added:FlexServe", "changed:Atom", "added:InferLine", "added:ZipServe"]);
    expect(discord.namesIn("daily")).toEqual([]);

    clock.advance(21 * 3_600_000 - 60_000); // 08:59 the next day
    expect(await runDigests(s)).toBe("no digest due");
    clock.advance(60_000); // 09:00
    expect(await runDigests(s)).toBe("digests discord:daily daily 2026-11-29T09:00: 1 deliveries");
    expect(await runDigests(s)).toBe("no digest due");
    await s.deliverer.deliverDue();
    const [digest, ...others] = digestsIn(discord, "daily");
    expect(others).toEqual([]);
    expect(digest).toMatchObject({ headline: "MSS-Papers daily digest: 3 new papers and 1 updated", more: 0, summaries: true });
    expect(names(digest as Extract<Reply, { kind: "digest" }>)).toEqual(["FlexServe", "InferLine", "ZipServe", "Atom"]);

    // The next day has no news: nothing is posted.
    clock.advance(86_400_000);
    expect(await runDigests(s)).toBe("no digest due");
    await s.deliverer.deliverDue();
    expect(digestsIn(discord, "daily")).toHaveLength(1);
  });

  it("posts nothing for an empty period and says so in subscriptions, with the next digest's time in MSS_TZ", async () => {
    const clock = new TestClock(Date.parse("2026-11-28T12:00:00Z"));
    const { s, discord } = open(clock, "Europe/Berlin");
    await run("subscribe", { mode: "weekly", day: "friday", at: "17:30" }, s, admin("weekly"));
    const info = await run("subscriptions", {}, s, { platform: "discord", channel: "weekly" });
    expect(info).toMatchObject({
      sections: [
        {
          rows: expect.arrayContaining([
            { label: "Mode", value: "weekly on Friday at 17:30 (Europe/Berlin)" },
            { label: "Next digest", value: "Fri 4 Dec 2026, 17:30 (nothing collected yet; an empty digest is not posted)" },
            { label: "Thread", value: "no" },
            { label: "Mention", value: "nobody" },
          ]),
        },
      ],
    });
    await s.sync.run();
    clock.advance(7 * 86_400_000);
    expect(await runDigests(s)).toBe("no digest due");
    await s.deliverer.deliverDue();
    expect(discord.calls).toEqual([]);
  });

  it("posts a weekly digest on its day and time in MSS_TZ, once", async () => {
    const clock = new TestClock(Date.parse("2026-11-28T12:00:00Z")); // a Saturday
    const { s, discord } = open(clock, "Europe/Berlin");
    await run("subscribe", { mode: "weekly", day: "fri", at: "17:30" }, s, admin("weekly"));
    await s.sync.run();
    upstream.serve(versionTwo());
    await s.sync.run();
    const info = await run("subscriptions", {}, s, { platform: "discord", channel: "weekly" });
    expect(JSON.stringify(info)).toContain("Fri 4 Dec 2026, 17:30 (4 papers collected so far)");

    clock.advance(Date.parse("2026-12-04T16:29:00Z") - clock.now().getTime()); // 17:29 in Berlin
    expect(await runDigests(s)).toBe("no digest due");
    clock.advance(60_000);
    expect(await runDigests(s)).toBe("digests discord:weekly weekly 2026-12-04T17:30: 1 deliveries");
    clock.advance(3 * 86_400_000);
    expect(await runDigests(s)).toBe("no digest due");
    await s.deliverer.deliverDue();
    expect(discord.namesIn("weekly")).toEqual(["digest:4"]);
    expect(digestsIn(discord, "weekly")[0]?.headline).toBe("MSS-Papers weekly digest: 3 new papers and 1 updated");
  });

  it("queues a period's digest exactly once across a restart at the boundary", async () => {
    const clock = new TestClock(Date.parse("2026-11-28T12:00:00Z"));
    const first = open(clock);
    await run("subscribe", { mode: "daily", at: "09:00" }, first.s, admin("daily"));
    await first.s.sync.run();
    upstream.serve(versionTwo());
    await first.s.sync.run();
    clock.advance(21 * 3_600_000); // 09:00: the digest is queued, and the bot stops before delivering it
    expect(queueDueDigests(first.s.store, "UTC", clock.now()).queued).toBe(1);
    first.s.store.close();

    clock.advance(30_000);
    const second = open(clock);
    // At start-up the job runs at once: the period's digest is already queued.
    expect(await runDigests(second.s)).toBe("no digest due");
    await second.s.deliverer.deliverDue();
    expect(second.discord.namesIn("daily")).toEqual(["digest:4"]);
  });

  it("sends a digest missed while the bot was down when it starts, once, with everything held since", async () => {
    const clock = new TestClock(Date.parse("2026-11-28T12:00:00Z"));
    const first = open(clock);
    await run("subscribe", { mode: "daily", at: "09:00" }, first.s, admin("daily"));
    await first.s.sync.run();
    upstream.serve(versionTwo());
    await first.s.sync.run();
    first.s.store.close();

    clock.advance(2 * 86_400_000); // down over two digest times
    const second = open(clock);
    expect(await runDigests(second.s)).toBe("digests discord:daily daily 2026-11-30T09:00: 1 deliveries");
    expect(await runDigests(second.s)).toBe("no digest due");
    await second.s.deliverer.deliverDue();
    expect(second.discord.namesIn("daily")).toEqual(["digest:4"]);
  });

  it("switching instant to daily mid-period neither loses nor repeats an announcement", async () => {
    const clock = new TestClock(Date.parse("2026-11-28T12:00:00Z"));
    const { s, discord } = open(clock);
    await run("subscribe", {}, s, admin("c1"));
    await s.sync.run();
    // FlexServe is queued instantly (not delivered yet) before the switch.
    const one = addRow(bundledText(), "TapFinger", newRow("FlexServe", "NSDI", 2025));
    upstream.serve(one);
    await s.sync.run();
    clock.advance(3_600_000);
    await run("subscribe", { mode: "daily" }, s, admin("c1"));
    upstream.serve(addRow(one, "Gillis", newRow("InferLine", "SoCC", 2020)));
    clock.advance(3_600_000);
    await s.sync.run();
    await s.deliverer.deliverDue();
    expect(discord.namesIn("c1")).toEqual(["added:FlexServe"]);
    const waiting = await run("why", { paper: "InferLine" }, s, { platform: "discord", channel: "c1" });
    expect(JSON.stringify(waiting)).toContain("its addition waits for the daily digest of 2026-11-29 09:00 UTC");

    clock.advance(19 * 3_600_000); // 09:00 the next day
    await runDigests(s);
    await s.deliverer.deliverDue();
    expect(discord.namesIn("c1")).toEqual(["added:FlexServe", "digest:1"]);
    expect(names(digestsIn(discord, "c1")[0] as Extract<Reply, { kind: "digest" }>)).toEqual(["InferLine"]);
    const why = await run("why", { paper: "InferLine" }, s, { platform: "discord", channel: "c1" });
    expect(JSON.stringify(why)).toContain("its addition was sent in the daily digest of 2026-11-29 09:00 UTC");
  });

  it("switching daily back to instant posts what was held at once, and no digest repeats it", async () => {
    const clock = new TestClock(Date.parse("2026-11-28T12:00:00Z"));
    const { s, discord } = open(clock);
    await run("subscribe", { mode: "daily" }, s, admin("c1"));
    await s.sync.run();
    upstream.serve(versionTwo());
    await s.sync.run();
    expect(await run("subscribe", { mode: "instant" }, s, admin("c1"))).toMatchObject({ text: expect.stringContaining("4 papers held for the digest are posted now.") });
    await s.deliverer.deliverDue();
    expect(discord.namesIn("c1")).toEqual(["added:FlexServe", "changed:Atom", "added:InferLine", "added:ZipServe"]);
    await run("subscribe", { mode: "daily" }, s, admin("c1"));
    clock.advance(86_400_000);
    expect(await runDigests(s)).toBe("no digest due");
  });

  it("drops what was held when the channel unsubscribes, so subscribing again posts no old news", async () => {
    const clock = new TestClock(Date.parse("2026-11-28T12:00:00Z"));
    const { s, discord } = open(clock);
    await run("subscribe", { mode: "daily" }, s, admin("c1"));
    await s.sync.run();
    upstream.serve(versionTwo());
    await s.sync.run();
    await run("unsubscribe", {}, s, admin("c1"));
    await run("subscribe", {}, s, admin("c1"));
    clock.advance(86_400_000);
    expect(await runDigests(s)).toBe("no digest due");
    await s.deliverer.deliverDue();
    expect(discord.calls).toEqual([]);
  });

  it("opens one discussion thread on a digest when the channel asked for threads, and one per post when instant", async () => {
    const clock = new TestClock(Date.parse("2026-11-28T12:00:00Z"));
    const { s, discord } = open(clock);
    await run("subscribe", { mode: "daily", thread: "yes" }, s, admin("digest"));
    await run("subscribe", { thread: "yes" }, s, admin("instant"));
    await s.sync.run();
    upstream.serve(versionTwo());
    await s.sync.run();
    clock.advance(21 * 3_600_000);
    await runDigests(s);
    await s.deliverer.deliverDue();
    const digestPost = discord.posted.findIndex((p) => p.channelId === "digest");
    expect(discord.threadPosts.filter((t) => t.channelId === "digest")).toEqual([
      expect.objectContaining({ parentMessageId: `m${digestPost + 1}`, threadName: "Daily digest 2026-11-29", reply: { kind: "notice", text: "Discussion of the daily digest: reply here about any of its papers." } }),
    ]);
    const instant = discord.threadPosts.filter((t) => t.channelId === "instant");
    expect(instant.map((t) => t.threadName)).toEqual(["FlexServe", "Atom", "InferLine", "ZipServe"]);
    expect(instant.map((t) => t.parentMessageId)).toEqual(discord.posted.flatMap((p, i) => (p.channelId === "instant" ? [`m${i + 1}`] : [])));
  });

  it("counts a refused post once toward pausing a thread channel, not again for its thread", async () => {
    const clock = new TestClock(Date.parse("2026-11-28T12:00:00Z"));
    const { s, discord } = open(clock);
    await run("subscribe", { thread: "yes" }, s, admin("gone"));
    await s.sync.run();
    upstream.serve(versionTwo());
    await s.sync.run();
    const missing = { ok: false as const, retry: "permanent" as const, reason: "Unknown Channel (10003)" };
    discord.then(...Array.from({ length: 4 }, () => (channel: string) => (channel === "gone" ? missing : undefined)));
    await s.deliverer.deliverDue();
    // Three posts refused pause the channel (their threads fail with them, uncounted); the fourth post waits.
    expect(discord.calls.filter((c) => c.channelId === "gone")).toHaveLength(3);
    expect(discord.threadPosts).toEqual([]);
    expect(s.store.subscriptions.get("discord", "gone")).toMatchObject({ status: "paused", permanentFailures: 3, statusReason: "3 deliveries in a row failed: Unknown Channel (10003)" });
  });

  it("shows each paper's short abstract as known at digest time, and lists at most 20 papers with the rest counted", async () => {
    const clock = new TestClock(Date.parse("2026-11-28T12:00:00Z"));
    const { s, discord } = open(clock);
    await run("subscribe", { mode: "daily" }, s, admin("c1"));
    await s.sync.run();
    let text = bundledText();
    for (let i = 1; i <= 25; i++) text = addRow(text, "TapFinger", newRow(`Digest${i}Serve`));
    upstream.serve(text);
    await s.sync.run();
    withRecords(s, { digest3serve: alpaServeRecord({ title: "Digest3Serve: A Resolved Title" }) });
    clock.advance(86_400_000);
    await runDigests(s);
    await s.deliverer.deliverDue();
    const digest = digestsIn(discord, "c1")[0] as Extract<Reply, { kind: "digest" }>;
    expect(digest).toMatchObject({ headline: "MSS-Papers daily digest: 25 new papers", more: 5 });
    expect(digest.items).toHaveLength(20);
    expect(digest.items.find((c) => c.name === "Digest3Serve")?.record?.title).toBe("Digest3Serve: A Resolved Title");
  });
});
