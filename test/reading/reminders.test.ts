import { rmSync } from "node:fs";
import { dirname } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config.js";
import type { Reply } from "../../src/replies/reply.js";
import { closeWorlds, readingWorld, type ReadingWorld } from "../helpers/reading.js";
import { tempDbPath } from "../helpers/spawn.js";

const XIAOKAI = "600000000000000077";
const HZQ = "600000000000000088";
const dbPaths: string[] = [];
afterEach(async () => {
  await closeWorlds();
  for (const p of dbPaths.splice(0)) rmSync(dirname(p), { recursive: true, force: true });
});

const headline = (reply: Reply) => (reply.kind === "session" ? `${reply.headline}: ${reply.presenter?.name ?? "-"}` : reply.kind);
const seen = (sent: { posts: Array<{ reply: Reply }>; dms: Array<{ channelId: string; reply: Reply }> }) => ({
  posts: sent.posts.map((p) => headline(p.reply)),
  dms: sent.dms.map((d) => `${d.channelId} ${headline(d.reply)}`),
});
const NONE = { posts: [], dms: [] };

async function group(world: ReadingWorld): Promise<void> {
  await world.admin("reading channel");
  await world.admin("reading link", { reporter: "XiaoKai", user: XIAOKAI });
  await world.admin("reading link", { reporter: "hzq", user: HZQ });
}

describe("reading-group reminders", () => {
  it("reminds 2 days and 1 hour before, each exactly once, across a restart between them", async () => {
    const dbPath = tempDbPath();
    dbPaths.push(dbPath);
    const first = readingWorld(undefined, { dbPath, start: "2026-12-05T08:00:00Z" });
    await group(first);
    expect(seen(await first.remind())).toEqual(NONE);
    first.at("2026-12-05T09:00:00Z");
    const twoDays = await first.remind();
    expect(seen(twoDays)).toEqual({
      posts: ["Reminder: reading group 2026-W50 starts in 2 days: XiaoKai"],
      dms: [`${XIAOKAI} Reminder: reading group 2026-W50 starts in 2 days: XiaoKai`],
    });
    expect(twoDays.dms[0]?.reply).toMatchObject({ card: { name: "SpotServe", links: expect.arrayContaining([{ kind: "paper", label: "Paper", url: "https://arxiv.org/pdf/2311.15566.pdf" }]) } });
    first.at("2026-12-05T09:01:00Z");
    expect(seen(await first.remind())).toEqual(NONE);
    await first.close();

    const again = readingWorld(undefined, { dbPath, start: "2026-12-06T12:00:00Z" });
    again.s.deliverer.register(first.discord);
    expect((await again.remind()).posts).toEqual([]);
    again.at("2026-12-07T08:00:00Z");
    await again.remind();
    again.at("2026-12-07T08:30:00Z");
    await again.remind();
    again.at("2026-12-07T09:00:00Z");
    await again.remind();
    expect(first.discord.posted.map((p) => headline(p.reply))).toEqual(["Reminder: reading group 2026-W50 starts in 2 days: XiaoKai", "Reminder: reading group 2026-W50 starts in 1 hour: XiaoKai"]);
    expect(first.discord.directs.map((d) => d.channelId)).toEqual([XIAOKAI, XIAOKAI]);
    expect(again.s.store.outbox.counts()).toEqual({ pending: 0, sending: 0, sent: 4, failed: 0 });
  });

  it("sends a reminder missed while the bot was down late, only the latest one, and none once the session started", async () => {
    const late = readingWorld(undefined, { start: "2026-12-06T20:00:00Z" });
    await group(late);
    expect(seen(await late.remind()).posts).toEqual(["Reminder: reading group 2026-W50 starts in 13 hours: XiaoKai"]);
    late.at("2026-12-07T08:30:00Z");
    expect(seen(await late.remind()).posts).toEqual(["Reminder: reading group 2026-W50 starts in 30 minutes: XiaoKai"]);

    const after = readingWorld(undefined, { start: "2026-12-07T09:00:00Z" });
    await group(after);
    expect(seen(await after.remind())).toEqual(NONE);
  });

  it("sends none for a skipped week, and the next week's as usual", async () => {
    const world = readingWorld(undefined, { start: "2026-12-05T08:00:00Z" });
    await group(world);
    await world.admin("reading skip", { week: "2026-12-07" });
    world.at("2026-12-05T09:00:00Z");
    expect(seen(await world.remind())).toEqual(NONE);
    world.at("2026-12-07T08:00:00Z");
    expect(seen(await world.remind())).toEqual(NONE);
    world.at("2026-12-12T09:00:00Z");
    expect(seen(await world.remind()).posts).toEqual(["Reminder: reading group 2026-W51 starts in 2 days: XiaoKai"]);
  });

  it("reminds whoever presents after a swap: the DM goes to the new presenter", async () => {
    const world = readingWorld(undefined, { start: "2026-12-05T09:00:00Z" });
    await group(world);
    expect(seen(await world.remind()).dms).toEqual([`${XIAOKAI} Reminder: reading group 2026-W50 starts in 2 days: XiaoKai`]);
    await world.admin("reading swap", { a: "XiaoKai", b: "hzq" });
    world.at("2026-12-07T08:00:00Z");
    expect(seen(await world.remind())).toEqual({
      posts: ["Reminder: reading group 2026-W50 starts in 1 hour: hzq"],
      dms: [`${HZQ} Reminder: reading group 2026-W50 starts in 1 hour: hzq`],
    });
  });

  it("sends nothing with MSS_READING_REMIND=off, and DMs nobody who is not linked", async () => {
    const off = readingWorld(undefined, { start: "2026-12-05T09:00:00Z", reading: { remindBeforeMs: [] } });
    await group(off);
    off.at("2026-12-07T08:00:00Z");
    expect(seen(await off.remind())).toEqual(NONE);

    const unlinked = readingWorld(undefined, { start: "2026-12-05T09:00:00Z" });
    await unlinked.admin("reading channel");
    expect(seen(await unlinked.remind())).toEqual({ posts: ["Reminder: reading group 2026-W50 starts in 2 days: XiaoKai"], dms: [] });
  });
});

describe("MSS_READING_REMIND", () => {
  const remind = (value: string | undefined) => {
    const result = parseConfig(value === undefined ? {} : { MSS_READING_REMIND: value });
    return result.ok ? result.config.reading.remindBeforeMs : result.problems;
  };

  it("defaults to 2 days and 1 hour, reads durations and off, and names itself when wrong", () => {
    expect(remind(undefined)).toEqual([172_800_000, 3_600_000]);
    expect(remind("1h, 2d, 1h")).toEqual([172_800_000, 3_600_000]);
    expect(remind("1w,30m")).toEqual([604_800_000, 1_800_000]);
    expect(remind("off")).toEqual([]);
    expect(remind("2 days")).toEqual([{ variable: "MSS_READING_REMIND", value: "2 days", message: expect.stringContaining('like "2d,1h"') }]);
    expect(remind("0h")).toEqual([{ variable: "MSS_READING_REMIND", value: "0h", message: expect.stringContaining('like "2d,1h"') }]);
    expect(remind("5w")).toEqual([{ variable: "MSS_READING_REMIND", value: "5w", message: expect.stringContaining("at most 4w") }]);
  });
});
