import { describe, expect, it } from "vitest";
import { run, testServices } from "../helpers/bundled.js";
import { HISTORY, seedReadingHistory } from "../helpers/reading-history.js";

describe("the reading stats command", () => {
  it("says there is nothing to count before the first session", async () => {
    expect(await run("reading stats")).toMatchObject({ kind: "notice", text: expect.stringContaining("No reading-group session has been posted yet") });
  });

  it("counts sessions per presenter, papers read per venue and year, and RSVPs of the last 12 weeks only", async () => {
    const services = testServices();
    seedReadingHistory(services);
    const reply = await run("reading stats", {}, services);
    if (reply.kind !== "info") throw new Error(`expected info, got ${reply.kind}`);
    expect(reply.text).toBe("6 sessions held since 2026-08-03 (1 week skipped); 6 papers read; most sessions: XiaoKai (4); 3.8 going per session over the last 12 weeks (4 sessions with RSVPs).");
    const section = (title: string) => reply.sections.find((s) => s.title === title)?.rows;
    expect(section("Sessions per presenter")).toEqual([{ label: "XiaoKai", value: "4" }, { label: "hzq", value: "2" }]);
    expect(section("Papers read per venue")).toEqual([{ label: "OSDI", value: "3" }, { label: "arXiv", value: "1" }, { label: "ASPLOS", value: "1" }, { label: "NSDI", value: "1" }]);
    expect(section("Papers read per year")).toEqual([{ label: "2023", value: "5" }, { label: "2024", value: "1" }]);
    // Today is 2026-11-28: August's sessions are more than 12 weeks back; the skipped week has no RSVPs to count.
    expect(section("RSVPs, last 12 weeks")?.map((r) => r.label)).toEqual(["2026-09-07", "2026-10-05", "2026-11-02", "2026-11-23"]);
    expect(section("RSVPs, last 12 weeks")?.[3]).toEqual({ label: "2026-11-23", value: "2 going, 3 not going" });
    expect(reply.image).toMatchObject({ name: "reading-stats.png", mime: "image/png", title: "Reading group: 6 sessions, 6 papers read" });
    expect(reply.image?.alt).toContain("Papers read per venue: OSDI: 3; arXiv: 1; ASPLOS: 1; NSDI: 1.");
    expect(reply.image?.alt).not.toContain("2026-08-03");
  });

  it("counts a paper that was not presented as not read", async () => {
    const services = testServices();
    seedReadingHistory(services, HISTORY.slice(0, 2));
    services.store.reading.sessions.setOutcome("2026-08-10", "not-presented");
    const reply = await run("reading stats", {}, services);
    expect(reply).toMatchObject({ kind: "info", text: "2 sessions held since 2026-08-03; 1 paper read; most sessions: hzq (1); no RSVPs in the last 12 weeks." });
  });
});

describe("the stats command's views", () => {
  it("draws every view with the numbers of its section", async () => {
    for (const [by, title, alt] of [
      ["year", "By year", "2023: 18 (★ Different Storage Media 4, ▲ Different GPU Devices 2, ● Resource Scheduling 2, no category 10)"],
      ["venue", "By venue", "arXiv: 7; OSDI: 5; ATC: 2"],
      ["tag", "By category", "★ Different Storage Media: 4; ▲ Different GPU Devices: 2; ● Resource Scheduling: 5; no category: 14"],
      ["reporter", "By reporter", "XiaoKai: 20; hzq: 6"],
    ] as const) {
      const reply = await run("stats", { by });
      expect(reply).toMatchObject({ kind: "info", sections: [{ title }], image: { name: "stats.png", alt: expect.stringContaining(alt) } });
    }
  });

  it("refuses a view it does not know", async () => {
    expect(await run("stats", { by: "colour" })).toMatchObject({ kind: "error", reason: "invalid", text: expect.stringContaining("must be one of: year, venue, tag, reporter") });
  });
});
