import { afterEach, describe, expect, it } from "vitest";
import { SessionCalendar } from "../../src/reading/session-calendar.js";
import { closeWorlds, readingWorld } from "../helpers/reading.js";

afterEach(closeWorlds);

const starts = (calendar: SessionCalendar, from: string, n: number) => calendar.from(new Date(from), n).map((s) => [s.id, s.week, s.startsAt.toISOString()]);
const dueAt = (calendar: SessionCalendar, at: string) => calendar.dueAt(new Date(at))?.id ?? null;

describe("session times in Europe/Berlin, across daylight-saving changes", () => {
  const berlin = new SessionCalendar("0 9 * * 1", "Europe/Berlin");

  it("keeps Monday sessions at 09:00 local when the clocks go forward (28 March 2027)", () => {
    expect(starts(berlin, "2027-03-16T00:00:00Z", 3)).toEqual([
      ["2027-03-22", "2027-W12", "2027-03-22T08:00:00.000Z"],
      ["2027-03-29", "2027-W13", "2027-03-29T07:00:00.000Z"],
      ["2027-04-05", "2027-W14", "2027-04-05T07:00:00.000Z"],
    ]);
    expect(berlin.on({ year: 2027, month: 3, day: 29 })?.local).toEqual({ year: 2027, month: 3, day: 29, hour: 9, minute: 0, second: 0 });
  });

  it("keeps them at 09:00 local when the clocks go back (31 October 2027)", () => {
    expect(starts(berlin, "2027-10-20T00:00:00Z", 2)).toEqual([
      ["2027-10-25", "2027-W43", "2027-10-25T07:00:00.000Z"],
      ["2027-11-01", "2027-W44", "2027-11-01T08:00:00.000Z"],
    ]);
  });

  it("ends a session's week at local midnight before the next session's day, whatever the offset", () => {
    expect(dueAt(berlin, "2027-03-22T07:59:59Z")).toBeNull();
    expect(dueAt(berlin, "2027-03-22T08:00:00Z")).toBe("2027-03-22");
    expect(dueAt(berlin, "2027-03-28T21:59:59Z")).toBe("2027-03-22"); // Sunday 23:59:59 CEST
    expect(dueAt(berlin, "2027-03-28T22:00:00Z")).toBeNull(); // Monday 00:00 CEST
    expect(dueAt(berlin, "2027-03-29T06:59:59Z")).toBeNull();
    expect(dueAt(berlin, "2027-03-29T07:00:00Z")).toBe("2027-03-29");
    expect(dueAt(berlin, "2027-10-31T22:59:59Z")).toBe("2027-10-25"); // Sunday 23:59:59 CET
    expect(dueAt(berlin, "2027-10-31T23:00:00Z")).toBeNull();
    expect(dueAt(berlin, "2027-11-01T08:00:00Z")).toBe("2027-11-01");
  });

  it("posts at 09:00 local on both sides of the change, once a week", async () => {
    const world = readingWorld(undefined, { start: "2027-03-20T12:00:00Z", timeZone: "Europe/Berlin" });
    await world.admin("reading channel");
    await world.tick();
    world.at("2027-03-22T07:59:00Z");
    expect(await world.tick()).toEqual([]);
    world.at("2027-03-22T08:00:00Z");
    expect((await world.tick()).map((p) => p.reply)).toMatchObject([{ date: "Mon 22 Mar 2027, 09:00 (Europe/Berlin)", headline: "Reading group 2027-W12" }]);
    world.at("2027-03-29T06:30:00Z"); // 08:30 CEST: an hour after 09:00 CET would have been
    expect(await world.tick()).toEqual([]);
    world.at("2027-03-29T07:00:00Z");
    expect((await world.tick()).map((p) => p.reply)).toMatchObject([{ date: "Mon 29 Mar 2027, 09:00 (Europe/Berlin)", headline: "Reading group 2027-W13" }]);
  });
});

describe("session times in UTC", () => {
  const utc = new SessionCalendar("0 9 * * 1", "UTC");

  it("has Monday sessions at 09:00 all year, with ISO weeks across the new year", () => {
    expect(starts(utc, "2026-12-27T00:00:00Z", 2)).toEqual([
      ["2026-12-28", "2026-W53", "2026-12-28T09:00:00.000Z"],
      ["2027-01-04", "2027-W01", "2027-01-04T09:00:00.000Z"],
    ]);
    expect(starts(utc, "2027-03-27T00:00:00Z", 2).map(([, , at]) => at)).toEqual(["2027-03-29T09:00:00.000Z", "2027-04-05T09:00:00.000Z"]);
  });

  it("ends each session's week at Sunday midnight", () => {
    expect(dueAt(utc, "2026-12-06T23:59:59Z")).toBe("2026-11-30");
    expect(dueAt(utc, "2026-12-07T00:00:00Z")).toBeNull();
    expect(dueAt(utc, "2026-12-07T09:00:00Z")).toBe("2026-12-07");
  });

  it("follows another cron: Thursdays 18:30, one session a day at most", () => {
    const thursday = new SessionCalendar("30 18 * * 4", "UTC");
    expect(starts(thursday, "2026-11-28T00:00:00Z", 2).map(([id, , at]) => `${id} ${at}`)).toEqual(["2026-12-03 2026-12-03T18:30:00.000Z", "2026-12-10 2026-12-10T18:30:00.000Z"]);
    expect(dueAt(thursday, "2026-12-09T23:59:00Z")).toBe("2026-12-03");
    const twice = new SessionCalendar("0 9,17 * * 1", "UTC");
    expect(starts(twice, "2026-11-28T00:00:00Z", 2).map(([id, , at]) => `${id} ${at}`)).toEqual(["2026-11-30 2026-11-30T09:00:00.000Z", "2026-12-07 2026-12-07T09:00:00.000Z"]);
  });
});
