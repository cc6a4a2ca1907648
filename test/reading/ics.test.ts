import ICAL from "ical.js";
import { afterEach, describe, expect, it } from "vitest";
import { scheduleIcs, type CalendarSession } from "../../src/reading/ics.js";
import { SessionCalendar } from "../../src/reading/session-calendar.js";
import { closeWorlds, readingWorld } from "../helpers/reading.js";

afterEach(closeWorlds);

function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents("vevent").map((e) => {
    const start = e.getFirstProperty("dtstart");
    const startTime = e.getFirstPropertyValue("dtstart");
    const endTime = e.getFirstPropertyValue("dtend");
    const stamp = e.getFirstPropertyValue("dtstamp");
    if (!(startTime instanceof ICAL.Time) || !(endTime instanceof ICAL.Time) || !(stamp instanceof ICAL.Time)) throw new Error("an event without times");
    return {
      uid: e.getFirstPropertyValue("uid"),
      summary: e.getFirstPropertyValue("summary"),
      description: e.getFirstPropertyValue("description"),
      tzid: start?.getParameter("tzid") ?? null,
      local: startTime.toString(),
      start: startTime.toJSDate().toISOString(),
      end: endTime.toJSDate().toISOString(),
      stampIsUtc: stamp.zone === ICAL.Timezone.utcTimezone,
    };
  });
  return { calendar, events };
}

/** RFC 5545 lines: CRLF-terminated, at most 75 octets. */
function expectWellFolded(text: string): void {
  expect(text.endsWith("\r\n")).toBe(true);
  const lines = text.slice(0, -2).split("\r\n");
  expect(lines.every((l) => !l.includes("\n") && !l.includes("\r"))).toBe(true);
  expect(Math.max(...lines.map((l) => Buffer.byteLength(l, "utf8")))).toBeLessThanOrEqual(75);
}

describe("the schedule as an iCalendar file", () => {
  it("has one event per session in Europe/Berlin, with TZID, a VTIMEZONE and 09:00 local across the DST change", async () => {
    const world = readingWorld(undefined, { start: "2027-03-13T12:00:00Z", timeZone: "Europe/Berlin" });
    await world.admin("reading skip", { week: "2027-03-22" });
    const reply = await world.admin("reading schedule", { weeks: 4 });
    if (reply.kind !== "info" || !reply.file) throw new Error("no .ics offered");
    expect(reply.file).toMatchObject({ name: "reading-group.ics", mime: "text/calendar" });
    expectWellFolded(reply.file.content);
    const { calendar, events } = parse(reply.file.content);
    expect(calendar.getFirstPropertyValue("version")).toBe("2.0");
    expect(calendar.getFirstPropertyValue("prodid")).toBe("-//mss-bot//Reading group//EN");
    expect(calendar.getFirstSubcomponent("vtimezone")?.getFirstPropertyValue("tzid")).toBe("Europe/Berlin");
    expect(events.map(({ uid, summary, tzid, local, start, end, stampIsUtc }) => ({ uid, summary, tzid, local, start, end, stampIsUtc }))).toEqual([
      { uid: "reading-2027-03-15@mss-bot", summary: "Reading group: XiaoKai presents SpotServe", tzid: "Europe/Berlin", local: "2027-03-15T09:00:00", start: "2027-03-15T08:00:00.000Z", end: "2027-03-15T09:00:00.000Z", stampIsUtc: true },
      { uid: "reading-2027-03-29@mss-bot", summary: "Reading group: hzq presents Cocktail", tzid: "Europe/Berlin", local: "2027-03-29T09:00:00", start: "2027-03-29T07:00:00.000Z", end: "2027-03-29T08:00:00.000Z", stampIsUtc: true },
      { uid: "reading-2027-04-05@mss-bot", summary: "Reading group: XiaoKai presents TapFinger", tzid: "Europe/Berlin", local: "2027-04-05T09:00:00", start: "2027-04-05T07:00:00.000Z", end: "2027-04-05T08:00:00.000Z", stampIsUtc: true },
    ]);
    expect(events[0]?.description).toBe(
      [
        "Presenter: XiaoKai",
        "SpotServe (ASPLOS 2024)",
        "Paper: https://arxiv.org/pdf/2311.15566.pdf",
        "Code: https://github.com/Hsword/SpotServe",
        "Blog notes: https://blog.csdn.net/qq_51802743/article/details/135731064?spm=1001.2014.3001.5502",
      ].join("\n"),
    );
  });

  it("writes UTC times (no VTIMEZONE) when the group's zone is UTC", async () => {
    const world = readingWorld();
    const reply = await world.admin("reading schedule", { weeks: 2 });
    if (reply.kind !== "info" || !reply.file) throw new Error("no .ics offered");
    expect(reply.file.content).toContain("\r\nDTSTART:20261130T090000Z\r\n");
    const { calendar, events } = parse(reply.file.content);
    expect(calendar.getFirstSubcomponent("vtimezone")).toBeNull();
    expect(events.map((e) => [e.uid, e.start])).toEqual([
      ["reading-2026-11-30@mss-bot", "2026-11-30T09:00:00.000Z"],
      ["reading-2026-12-07@mss-bot", "2026-12-07T09:00:00.000Z"],
    ]);
  });

  it("escapes commas, semicolons, backslashes and newlines, and folds long lines at 75 octets", () => {
    const calendar = new SessionCalendar("0 9 * * 1", "Europe/Berlin");
    const [slot] = calendar.from(new Date("2027-03-27T00:00:00Z"), 1);
    if (!slot) throw new Error("no slot");
    const name = "Serve, fast; cheap \\ good — ünïcödé 😀 ".repeat(4).trim();
    const session: CalendarSession = {
      slot,
      skipped: false,
      reply: {
        kind: "session",
        headline: "Reading group 2027-W13",
        date: "Mon 29 Mar 2027, 09:00 (Europe/Berlin)",
        presenter: { name: "Ada, Lovelace", userIds: {} },
        card: { id: "x", name, year: 2027, venue: "OSDI", categories: [], links: [{ kind: "paper", label: "Paper", url: "https://example.org/a,b;c.pdf" }], reporters: [] },
        note: "line one\nline two",
      },
    };
    const text = scheduleIcs([session], "Europe/Berlin", new Date("2027-03-01T00:00:00Z"));
    expectWellFolded(text);
    const unfolded = text.replace(/\r\n /g, "");
    expect(unfolded).toContain("SUMMARY:Reading group: Ada\\, Lovelace presents Serve\\, fast\\; cheap \\\\ good");
    expect(unfolded).toContain("\\nline one\\nline two\r\n");
    const [event] = parse(text).events;
    expect(event?.summary).toBe(`Reading group: Ada, Lovelace presents ${name}`);
    expect(event?.description).toBe(`Presenter: Ada, Lovelace\n${name} (OSDI 2027)\nPaper: https://example.org/a,b;c.pdf\nline one\nline two`);
  });
});
