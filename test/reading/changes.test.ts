import { afterEach, describe, expect, it } from "vitest";
import type { Reply } from "../../src/replies/reply.js";
import { closeWorlds, nextSession, readingWorld, type ReadingWorld } from "../helpers/reading.js";

afterEach(closeWorlds);

/** Mondays 09:00 UTC. */
const MON = { w49: "2026-11-30T09:00:00Z", w50: "2026-12-07T09:00:00Z", w51: "2026-12-14T09:00:00Z", w52: "2026-12-21T09:00:00Z" };

/** Sets the reading channel on Discord and lets the job run once, so later sessions count as missed if the bot is down. */
async function started(): Promise<ReadingWorld> {
  const world = readingWorld();
  expect(await world.admin("reading channel")).toMatchObject({ kind: "notice" });
  expect(await world.tick()).toEqual([]);
  return world;
}

/** What `reading next` previews now equals what the weekly job posts at that session: returns the post. */
async function previewThenPost(world: ReadingWorld, session: string): Promise<Reply> {
  const preview = await nextSession(world);
  world.at(session);
  const posts = await world.tick();
  expect(posts).toHaveLength(1);
  expect(posts[0]).toMatchObject({ channelId: "reading", key: `reading|${session.slice(0, 10)}|discord:reading` });
  expect(posts[0]?.reply).toEqual(preview);
  return preview;
}

const who = (reply: Reply) => (reply.kind === "session" ? `${reply.presenter?.name ?? "nobody"} ${reply.card?.name ?? "-"}` : reply.kind);

describe("changing the rotation, previewed exactly as posted", () => {
  it("without changes, posts the rotation's sessions week by week", async () => {
    const world = await started();
    expect(who(await previewThenPost(world, MON.w49))).toBe("XiaoKai SpotServe");
    expect(who(await previewThenPost(world, MON.w50))).toBe("hzq Cocktail");
    expect(who(await previewThenPost(world, MON.w51))).toBe("XiaoKai TapFinger");
  });

  it("skip: no session that week and the rotation does not move", async () => {
    const world = await started();
    expect(await world.admin("reading skip", { week: "2026-12-07" })).toMatchObject({ kind: "notice", text: expect.stringContaining("No session on Mon 7 Dec 2026, 09:00 (UTC)") });
    expect(await world.schedule(3)).toEqual(["2026-W49 XiaoKai SpotServe (ASPLOS 2024)", "2026-W50 skipped", "2026-W51 hzq Cocktail (NSDI 2022)"]);
    await previewThenPost(world, MON.w49);
    const skipped = await previewThenPost(world, MON.w50);
    expect(skipped).toMatchObject({ kind: "session", headline: "No reading group in 2026-W50", presenter: null, card: null, note: expect.stringContaining("skipped") });
    expect(who(await previewThenPost(world, MON.w51))).toBe("hzq Cocktail");
    expect(await world.admin("reading history")).toMatchObject({ sections: [{ rows: [{ value: "hzq: Cocktail (to be presented)" }, { value: "skipped" }, { value: "XiaoKai: SpotServe (presented)" }] }] });
  });

  it("skip undo:yes brings the session back", async () => {
    const world = await started();
    await world.admin("reading skip", { week: "2026-W49" });
    expect(await world.schedule(1)).toEqual(["2026-W49 skipped"]);
    await world.admin("reading skip", { week: "2026-W49", undo: "yes" });
    expect(await world.schedule(1)).toEqual(["2026-W49 XiaoKai SpotServe (ASPLOS 2024)"]);
  });

  it("absent: the next member presents and the absent one keeps their place", async () => {
    const world = await started();
    expect(await world.admin("reading absent", { member: "xiaokai" })).toMatchObject({ kind: "notice", text: expect.stringContaining("hzq presents that day") });
    expect(await world.schedule(4)).toEqual([
      "2026-W49 hzq Cocktail (NSDI 2022)",
      "2026-W50 XiaoKai SpotServe (ASPLOS 2024)",
      "2026-W51 hzq ExoFlow (OSDI 2023)",
      "2026-W52 XiaoKai TapFinger (INFOCOM 2023)",
    ]);
    expect(await previewThenPost(world, MON.w49)).toMatchObject({ presenter: { name: "hzq" }, note: "XiaoKai is away." });
    expect(who(await previewThenPost(world, MON.w50))).toBe("XiaoKai SpotServe");
  });

  it("swap: two members exchange their upcoming turns", async () => {
    const world = await started();
    expect(await world.admin("reading swap", { a: "XiaoKai", b: "HZQ" })).toMatchObject({ text: "Swapped: XiaoKai on Mon 7 Dec 2026, 09:00 (UTC), hzq on Mon 30 Nov 2026, 09:00 (UTC)." });
    expect(await world.schedule(3)).toEqual(["2026-W49 hzq Cocktail (NSDI 2022)", "2026-W50 XiaoKai SpotServe (ASPLOS 2024)", "2026-W51 hzq ExoFlow (OSDI 2023)"]);
    expect(who(await previewThenPost(world, MON.w49))).toBe("hzq Cocktail");
    expect(who(await previewThenPost(world, MON.w50))).toBe("XiaoKai SpotServe");
  });

  it("assign: the paper takes that week's slot, from whoever's turn it is, and is not presented again", async () => {
    const world = await started();
    expect(await world.admin("reading assign", { paper: "alpaserve" })).toMatchObject({ text: "AlpaServe is assigned to Mon 30 Nov 2026, 09:00 (UTC); presenter: XiaoKai." });
    const planned = world.s.reading.upcoming(world.clock.now(), 16).filter((p) => p.presenter?.name === "XiaoKai").map((p) => p.paper?.name);
    expect(planned.slice(0, 8)).toEqual(["AlpaServe", "SpotServe", "TapFinger", "CBA/AutoCBA", "Sia", "Kairos", "AdaInf", "Shepherd"]);
    expect(await previewThenPost(world, MON.w49)).toMatchObject({ presenter: { name: "XiaoKai" }, card: { name: "AlpaServe" }, note: "The paper was assigned." });
    expect(who(await previewThenPost(world, MON.w50))).toBe("hzq Cocktail");
  });

  it("assign with a member and a week: that member presents then, using the week's turn", async () => {
    const world = await started();
    await world.admin("reading assign", { paper: "Hyrax", member: "XiaoKai", week: "2026-12-07" });
    expect(await world.schedule(4)).toEqual([
      "2026-W49 XiaoKai SpotServe (ASPLOS 2024)",
      "2026-W50 XiaoKai Hyrax (OSDI 2023)",
      "2026-W51 hzq Cocktail (NSDI 2022)",
      "2026-W52 XiaoKai TapFinger (INFOCOM 2023)",
    ]);
    await previewThenPost(world, MON.w49);
    expect(await previewThenPost(world, MON.w50)).toMatchObject({ card: { name: "Hyrax" }, note: "XiaoKai presents by assignment. The paper was assigned." });
    await world.admin("reading unassign", { week: "2026-12-21" }).then((r) => expect(r).toMatchObject({ kind: "error", reason: "not-found" }));
  });

  it("done: a paper marked presented leaves the queue; the job marks the past week's paper presented; undo puts it back", async () => {
    const world = await started();
    expect(await world.admin("reading done", { paper: "SpotServe" })).toMatchObject({ text: expect.stringContaining("SpotServe is marked presented") });
    expect(await world.schedule(1)).toEqual(["2026-W49 XiaoKai TapFinger (INFOCOM 2023)"]);
    await previewThenPost(world, MON.w49);
    expect(world.s.store.reading.sessions.get("2026-11-30")?.outcome).toBe("pending");
    await previewThenPost(world, MON.w50);
    expect(world.s.store.reading.sessions.get("2026-11-30")?.outcome).toBe("presented");
    // Cocktail (posted on 7 Dec) was not presented after all: it goes back to the front of hzq's queue.
    expect(await world.admin("reading done", { undo: "yes" })).toMatchObject({ text: expect.stringContaining("Cocktail is marked not presented") });
    expect(await world.schedule(2)).toEqual(["2026-W51 XiaoKai CBA/AutoCBA (INFOCOM 2023)", "2026-W52 hzq Cocktail (NSDI 2022)"]);
    await previewThenPost(world, MON.w51);
    expect(world.s.store.reading.sessions.get("2026-12-07")?.outcome).toBe("not-presented");
    expect(who(await previewThenPost(world, MON.w52))).toBe("hzq Cocktail");
  });

  it("join: a new member queues behind everyone; leave: they are out again", async () => {
    const world = await started();
    const joined = await world.member("reading join", { name: "Ada" }, { userId: "424242424242" });
    expect(joined).toMatchObject({ kind: "notice", text: "Welcome, Ada: you join the rotation at the end of the queue. Your next turn: Mon 14 Dec 2026, 09:00 (UTC)." });
    expect(await world.schedule(4)).toEqual([
      "2026-W49 XiaoKai SpotServe (ASPLOS 2024)",
      "2026-W50 hzq Cocktail (NSDI 2022)",
      "2026-W51 Ada presenter's choice",
      "2026-W52 XiaoKai TapFinger (INFOCOM 2023)",
    ]);
    await previewThenPost(world, MON.w49);
    await previewThenPost(world, MON.w50);
    expect(await previewThenPost(world, MON.w51)).toMatchObject({ presenter: { name: "Ada", userIds: { discord: "424242424242" } }, card: null });
    expect(await world.member("reading leave", {}, { userId: "424242424242" })).toMatchObject({ kind: "notice", text: expect.stringContaining("Ada left the rotation") });
    expect(await world.schedule(3)).toEqual(["2026-W52 XiaoKai TapFinger (INFOCOM 2023)", "2026-W53 hzq ExoFlow (OSDI 2023)", "2027-W01 XiaoKai CBA/AutoCBA (INFOCOM 2023)"]);
  });

  it("leave and join again: a reporter of the list leaves the rotation and comes back at the end", async () => {
    const world = await started();
    await world.admin("reading link", { reporter: "hzq", user: "<@555555555555>" });
    expect(await world.member("reading leave", {}, { userId: "555555555555" })).toMatchObject({ kind: "notice" });
    expect(await world.schedule(2)).toEqual(["2026-W49 XiaoKai SpotServe (ASPLOS 2024)", "2026-W50 XiaoKai TapFinger (INFOCOM 2023)"]);
    await previewThenPost(world, MON.w49);
    expect(await world.member("reading join", { name: "hzq" }, { userId: "555555555555" })).toMatchObject({ kind: "notice", text: expect.stringContaining("Welcome, hzq") });
    expect(await world.schedule(3)).toEqual(["2026-W50 XiaoKai TapFinger (INFOCOM 2023)", "2026-W51 hzq Cocktail (NSDI 2022)", "2026-W52 XiaoKai CBA/AutoCBA (INFOCOM 2023)"]);
    expect(await previewThenPost(world, MON.w50)).toMatchObject({ presenter: { name: "XiaoKai" } });
  });

  it("link: the post mentions the linked chat user of the presenter", async () => {
    const world = await started();
    expect(await world.admin("reading link", { reporter: "Xiaokai", user: "<@!123456789012345678>" })).toMatchObject({ kind: "notice", text: "XiaoKai is linked to discord user 123456789012345678: reading-group posts mention them." });
    expect(await previewThenPost(world, MON.w49)).toMatchObject({ presenter: { name: "XiaoKai", userIds: { discord: "123456789012345678" } } });
  });

  it("remove: an admin takes a member out of the rotation", async () => {
    const world = await started();
    expect(await world.admin("reading remove", { member: "XIAOKAI" })).toMatchObject({ kind: "notice" });
    expect(await world.schedule(2)).toEqual(["2026-W49 hzq Cocktail (NSDI 2022)", "2026-W50 hzq ExoFlow (OSDI 2023)"]);
    expect(await world.admin("reading members")).toMatchObject({
      sections: [{ rows: [{ label: "hzq" }] }, { title: "Not in the rotation", rows: [{ label: "XiaoKai", value: expect.stringContaining("removed") }] }],
    });
  });
});

describe("who may change the rotation", () => {
  it("refuses group changes to members who are not admins, and says so", async () => {
    const world = await started();
    for (const [name, args] of [["reading skip", {}], ["reading swap", { a: "XiaoKai", b: "hzq" }], ["reading assign", { paper: "Sia" }], ["reading done", {}], ["reading channel", {}], ["reading remove", { member: "hzq" }]] as const) {
      expect(await world.member(name, args)).toMatchObject({ kind: "error", reason: "forbidden", text: `/${name} is for admins only.` });
    }
    const help = await world.admin("help", { command: "reading skip" });
    expect(help.kind === "info" && help.sections[0]).toEqual({ title: "Usage", rows: [{ label: "/reading skip [week] [undo]", value: "admins only" }] });
  });

  it("lets a member link and mark only themselves", async () => {
    const world = await started();
    expect(await world.member("reading link", { reporter: "hzq", user: "<@999999999999>" }, { userId: "555555555555" })).toMatchObject({ kind: "error", reason: "forbidden" });
    expect(await world.member("reading link", { reporter: "hzq", user: "<@555555555555>" }, { userId: "555555555555" })).toMatchObject({ kind: "notice" });
    expect(await world.member("reading link", { reporter: "hzq", user: "<@777777777777>" }, { userId: "777777777777" })).toMatchObject({ kind: "error", reason: "forbidden", text: "hzq is already linked to another chat user here." });
    expect(await world.member("reading absent", { member: "XiaoKai" }, { userId: "555555555555" })).toMatchObject({ kind: "error", reason: "forbidden" });
    expect(await world.member("reading absent", { member: "hzq", week: "2026-W50" }, { userId: "555555555555" })).toMatchObject({ kind: "notice" });
    expect(await world.schedule(3)).toEqual(["2026-W49 XiaoKai SpotServe (ASPLOS 2024)", "2026-W50 XiaoKai TapFinger (INFOCOM 2023)", "2026-W51 hzq Cocktail (NSDI 2022)"]);
  });

  it("refuses to change a session already posted, and names the upcoming ones", async () => {
    const world = await started();
    world.at(MON.w49);
    await world.tick();
    expect(await world.admin("reading skip", { week: "2026-11-30" })).toMatchObject({ kind: "error", reason: "invalid", hint: "Upcoming sessions: 2026-12-07, 2026-12-14, 2026-12-21" });
    expect(await world.admin("reading skip", { week: "2026-12-08" })).toMatchObject({ kind: "error", reason: "not-found", text: "There is no session on 2026-12-08." });
    expect(await world.admin("reading skip", { week: "soon" })).toMatchObject({ kind: "error", reason: "invalid" });
  });
});
