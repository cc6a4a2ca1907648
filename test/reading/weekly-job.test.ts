import { rmSync } from "node:fs";
import { dirname } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { RecordingAnnouncer } from "../fakes/recording-announcer.js";
import { run } from "../helpers/bundled.js";
import { closeWorlds, nextSession, readingWorld, type ReadingWorld } from "../helpers/reading.js";
import { tempDbPath } from "../helpers/spawn.js";

const dbPaths: string[] = [];
afterEach(async () => {
  await closeWorlds();
  for (const p of dbPaths.splice(0)) rmSync(dirname(p), { recursive: true, force: true });
});

/** A bot process over a file-backed store: opening it again is a restart. */
function boot(dbPath: string, start: string): ReadingWorld {
  return readingWorld(undefined, { dbPath, start });
}

const names = (announcer: RecordingAnnouncer) => announcer.calls.map((c) => (c.reply.kind === "session" ? `${c.reply.headline}: ${c.reply.presenter?.name ?? "-"}` : c.reply.kind));

describe("the weekly reading-group post", () => {
  it("posts once when the job runs twice in one week, and the next week once more", async () => {
    const world = readingWorld();
    await world.admin("reading channel");
    await world.tick();
    world.at("2026-11-30T09:00:00Z");
    expect(await world.tick()).toHaveLength(1);
    world.at("2026-11-30T09:00:01Z");
    expect(await world.tick()).toEqual([]);
    world.at("2026-12-03T15:00:00Z");
    expect(await world.tick()).toEqual([]);
    world.at("2026-12-07T09:00:00Z");
    expect(await world.tick()).toHaveLength(1);
    expect(names(world.discord)).toEqual(["Reading group 2026-W49: XiaoKai", "Reading group 2026-W50: hzq"]);
    // Two weekly posts and the two discussion threads opened on them.
    expect(world.s.store.outbox.counts()).toEqual({ pending: 0, sending: 0, sent: 4, failed: 0 });
  });

  it("posts once across a restart in the middle of the week (the store is a file)", async () => {
    const dbPath = tempDbPath();
    dbPaths.push(dbPath);
    const first = boot(dbPath, "2026-11-28T12:00:00Z");
    await first.admin("reading channel");
    await first.tick();
    first.at("2026-11-30T09:00:00Z");
    expect(await first.tick()).toHaveLength(1);
    await first.close();

    const again = boot(dbPath, "2026-12-02T10:00:00Z");
    again.s.deliverer.register(first.discord);
    expect(await again.tick()).toEqual([]);
    expect(first.discord.calls).toHaveLength(1);
    expect(await nextSession(again)).toMatchObject({ headline: "Reading group 2026-W50", presenter: { name: "hzq" } });
  });

  it("posts a session missed while the bot was down at start-up, while its week is current", async () => {
    const dbPath = tempDbPath();
    dbPaths.push(dbPath);
    const first = boot(dbPath, "2026-11-28T12:00:00Z");
    await first.admin("reading channel");
    await first.tick();
    await first.close();

    // Down over Monday 30 Nov 09:00; back on Thursday of that week.
    const again = boot(dbPath, "2026-12-03T18:00:00Z");
    expect(await nextSession(again)).toMatchObject({ headline: "Reading group 2026-W49", presenter: { name: "XiaoKai" } });
    const late = await again.tick();
    expect(late).toHaveLength(1);
    expect(late[0]?.reply).toMatchObject({ headline: "Reading group 2026-W49", date: "Mon 30 Nov 2026, 09:00 (UTC)", presenter: { name: "XiaoKai" }, card: { name: "SpotServe" } });
  });

  it("does not post a missed session after its week, and the rotation does not move for it", async () => {
    const dbPath = tempDbPath();
    dbPaths.push(dbPath);
    const first = boot(dbPath, "2026-11-28T12:00:00Z");
    await first.admin("reading channel");
    await first.tick();
    await first.admin("reading assign", { paper: "AlpaServe", week: "2026-11-30" });
    await first.close();

    // Down over the whole week of 30 Nov; back at midnight starting Monday 7 Dec, before that session.
    const again = boot(dbPath, "2026-12-07T00:00:00Z");
    expect(await again.tick()).toEqual([]);
    again.at("2026-12-07T09:00:00Z");
    const posted = await again.tick();
    expect(posted.map((p) => p.reply)).toMatchObject([{ headline: "Reading group 2026-W50", presenter: { name: "XiaoKai" }, card: { name: "SpotServe" } }]);
    expect(again.s.store.reading.sessions.get("2026-11-30")).toBeUndefined();
    // The missed week's assignment lapsed with it: AlpaServe is back in XiaoKai's own queue, at its place in the list.
    const xiaokai = again.s.reading.upcoming(again.clock.now(), 14).filter((p) => p.presenter?.name === "XiaoKai");
    expect(xiaokai.map((p) => p.paper?.name)).toEqual(["TapFinger", "CBA/AutoCBA", "Sia", "Kairos", "AdaInf", "AlpaServe", "Shepherd"]);
  });

  it("starts a new installation with the next session, not with one earlier in the week", async () => {
    const world = readingWorld(undefined, { start: "2026-12-02T10:00:00Z" });
    await world.admin("reading channel");
    expect(await nextSession(world)).toMatchObject({ headline: "Reading group 2026-W50" });
    expect(await world.tick()).toEqual([]);
    world.at("2026-12-07T09:00:00Z");
    expect(await world.tick()).toHaveLength(1);
  });

  it("posts to the reading channel of every platform, once each", async () => {
    const world = readingWorld();
    const slack = new RecordingAnnouncer("slack");
    world.s.deliverer.register(slack);
    await world.admin("reading channel");
    await run("reading channel", {}, world.s, { platform: "slack", isAdmin: true, channel: "C0READING" });
    await world.tick();
    world.at("2026-11-30T09:00:00Z");
    await world.tick();
    await world.tick();
    expect(world.discord.calls.map((c) => c.channelId)).toEqual(["reading"]);
    expect(slack.calls.map((c) => [c.channelId, c.key])).toEqual([["C0READING", "reading|2026-11-30|slack:C0READING"]]);
    expect(slack.calls[0]?.reply).toEqual(world.discord.calls[0]?.reply);
  });

  it("posts this week's session to a channel set after it went out, at the next run", async () => {
    const world = readingWorld();
    await world.tick();
    world.at("2026-11-30T09:00:00Z");
    expect(await world.tick()).toEqual([]);
    world.at("2026-12-01T12:00:00Z");
    await world.admin("reading channel");
    expect((await world.tick()).map((p) => p.reply)).toMatchObject([{ headline: "Reading group 2026-W49" }]);
    expect(await world.tick()).toEqual([]);
  });
});
