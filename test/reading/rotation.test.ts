import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { bundledList } from "../helpers/bundled.js";
import { buildList, row } from "../helpers/list-builder.js";
import { closeWorlds, nextSession, readingWorld } from "../helpers/reading.js";

afterEach(closeWorlds);

const XIAOKAI = ["SpotServe", "TapFinger", "CBA/AutoCBA", "Sia", "Kairos", "AdaInf", "AlpaServe", "Shepherd", "Atom", "Computron", "DELTAZIP", "Punica", "Moirai", "FaaSwap", "HexGen"];
const HZQ = ["Cocktail", "ExoFlow", "Hyrax", "NCC", "Conveyor", "ARASMTDIG"];

describe("the rotation over the bundled list", () => {
  it("alternates XiaoKai and hzq (Xiaokai is the same person), each presenting their own papers in list order", async () => {
    const world = readingWorld();
    const sessions = await world.schedule(12);
    expect(sessions).toEqual([
      "2026-W49 XiaoKai SpotServe (ASPLOS 2024)",
      "2026-W50 hzq Cocktail (NSDI 2022)",
      "2026-W51 XiaoKai TapFinger (INFOCOM 2023)",
      "2026-W52 hzq ExoFlow (OSDI 2023)",
      "2026-W53 XiaoKai CBA/AutoCBA (INFOCOM 2023)",
      "2027-W01 hzq Hyrax (OSDI 2023)",
      "2027-W02 XiaoKai Sia (SOSP 2023)",
      "2027-W03 hzq NCC (OSDI 2023)",
      "2027-W04 XiaoKai Kairos (HPDC 2023)",
      "2027-W05 hzq Conveyor (OSDI 2023)",
      "2027-W06 XiaoKai AdaInf (SIGCOMM 2023)",
      "2027-W07 hzq ARASMTDIG (ICCAD 2021)",
    ]);
  });

  it("presents every paper of the list exactly once, Cocktail (reported by both) included, then falls back to the presenter's choice", async () => {
    const world = readingWorld();
    const planned = world.s.reading.upcoming(world.clock.now(), 44);
    const presented = planned.flatMap((p) => (p.paper ? [p.paper.name] : []));
    expect(presented).toHaveLength(25);
    expect(new Set(presented).size).toBe(25);
    expect(presented.filter((n) => n === "Cocktail")).toHaveLength(1);
    expect(new Set(presented)).toEqual(new Set(bundledList().papers.map((p) => p.name)));
    const by = (name: string) => planned.filter((p) => p.presenter?.name === name);
    expect(by("XiaoKai").slice(0, XIAOKAI.length).map((p) => p.paper?.name)).toEqual(XIAOKAI);
    expect(by("hzq").slice(0, HZQ.length).map((p) => p.paper?.name)).toEqual(HZQ);
    expect(by("hzq")[HZQ.length]).toMatchObject({ paper: null, paperSource: "choice" });
    expect(planned.map((p) => p.presenter?.name)).toEqual(Array.from({ length: 44 }, (_, i) => (i % 2 === 0 ? "XiaoKai" : "hzq")));
  });

  it("shows the next session as the reply the weekly job posts: date, presenter, paper card", async () => {
    const world = readingWorld();
    expect(await nextSession(world)).toMatchObject({
      kind: "session",
      headline: "Reading group 2026-W49",
      date: "Mon 30 Nov 2026, 09:00 (UTC)",
      presenter: { name: "XiaoKai", userIds: {} },
      card: { name: "SpotServe", venue: "ASPLOS", year: 2024, links: [{ kind: "paper" }, { kind: "code" }, { kind: "blog" }] },
    });
  });

  it("gives a presenter with no papers left the oldest paper of the group queue, then the presenter's choice", async () => {
    const world = readingWorld();
    for (const name of HZQ) await world.admin("reading done", { paper: name });
    expect(await world.admin("reading queue add", { paper: "Gillis" })).toMatchObject({ kind: "notice", text: expect.stringContaining("position 1") });
    expect(await world.admin("reading queue add", { paper: "MArk" })).toMatchObject({ kind: "notice", text: expect.stringContaining("position 2") });
    expect(await world.schedule(6)).toEqual([
      "2026-W49 XiaoKai SpotServe (ASPLOS 2024)",
      "2026-W50 hzq Gillis (ICDCS 2021)",
      "2026-W51 XiaoKai TapFinger (INFOCOM 2023)",
      "2026-W52 hzq MArk (ATC 2019)",
      "2026-W53 XiaoKai CBA/AutoCBA (INFOCOM 2023)",
      "2027-W01 hzq presenter's choice",
    ]);
    const queue = await world.admin("reading queue list");
    expect(queue).toMatchObject({ kind: "info", sections: [{ rows: [{ label: "Gillis (ICDCS 2021)", value: "suggested by tester" }, { label: "MArk (ATC 2019)" }] }] });
  });
});

describe("newly announced papers", () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("join the group queue when the sync announces them, for presenters with nothing of their own", async () => {
    dir = mkdtempSync(join(tmpdir(), "mss-reading-"));
    const file = join(dir, "list.md");
    const before = buildList([row("AlphaServe", { reporter: "XiaoKai" }), row("BetaServe", { reporter: "hzq" })]);
    writeFileSync(file, before);
    const world = readingWorld(before, { upstream: { kind: "file", path: file } });
    await world.s.sync.run();
    writeFileSync(file, buildList([row("AlphaServe", { reporter: "XiaoKai" }), row("BetaServe", { reporter: "hzq" }), row("GammaServe", { reporter: "" })]));
    expect(await world.s.sync.run()).toMatchObject({ result: "changed", added: [{ name: "GammaServe" }] });
    expect(await world.schedule(4)).toEqual([
      "2026-W49 XiaoKai AlphaServe (OSDI 2023)",
      "2026-W50 hzq BetaServe (OSDI 2023)",
      "2026-W51 XiaoKai GammaServe (OSDI 2023)",
      "2026-W52 hzq presenter's choice",
    ]);
    expect(await world.s.reading.upcoming(world.clock.now(), 4)[2]).toMatchObject({ paperSource: "group" });
  });
});
