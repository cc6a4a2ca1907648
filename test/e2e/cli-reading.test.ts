import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ICAL from "ical.js";
import { afterEach, describe, expect, it } from "vitest";
import { runNode, tempDbPath } from "../helpers/spawn.js";

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

interface JsonSession {
  date: string;
  week: string;
  startsAt: string;
  skipped: boolean;
  presenter: { name: string } | null;
  paper: { name: string } | null;
}

describe("mss-bot reading schedule", () => {
  it("prints 8 weekly sessions as JSON: Mondays 09:00 in MSS_TZ, XiaoKai and hzq in turn", async () => {
    const { code, stdout, stderr } = await runNode("bin/mss-bot.js", ["reading", "schedule", "--weeks", "8", "--json"], { env: { MSS_TZ: "Europe/Berlin" } });
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const schedule = JSON.parse(stdout) as { timeZone: string; cron: string; sessions: JsonSession[] };
    expect(schedule).toMatchObject({ timeZone: "Europe/Berlin", cron: "0 9 * * 1" });
    expect(schedule.sessions).toHaveLength(8);
    expect(schedule.sessions.map((s) => s.presenter?.name)).toEqual(["XiaoKai", "hzq", "XiaoKai", "hzq", "XiaoKai", "hzq", "XiaoKai", "hzq"]);
    expect(schedule.sessions.slice(0, 4).map((s) => s.paper?.name)).toEqual(["SpotServe", "Cocktail", "TapFinger", "ExoFlow"]);
    const berlin = new Intl.DateTimeFormat("en-US", { timeZone: "Europe/Berlin", weekday: "short", hour: "numeric", minute: "numeric", hourCycle: "h23" });
    for (const s of schedule.sessions) {
      const parts = Object.fromEntries(berlin.formatToParts(new Date(s.startsAt)).map((p) => [p.type, p.value]));
      expect([parts.weekday, Number(parts.hour), Number(parts.minute)]).toEqual(["Mon", 9, 0]);
    }
    const days = schedule.sessions.map((s) => Date.parse(`${s.date}T00:00:00Z`) / 86_400_000);
    expect(days.slice(1).map((d, i) => d - (days[i] ?? 0))).toEqual(Array(7).fill(7));
  });

  it("writes an .ics file that parses, one event per session with its UID, TZID and summary", async () => {
    const dir = mkdtempSync(join(tmpdir(), "mss-ics-"));
    dirs.push(dir);
    const file = join(dir, "reading.ics");
    const env = { MSS_DB_PATH: tempDbPath(), MSS_TZ: "Europe/Berlin" };
    const written = await runNode("bin/mss-bot.js", ["reading", "schedule", "--weeks", "8", "--ics", file], { env });
    expect(written.code).toBe(0);
    expect(written.stdout).toContain(`Wrote 8 sessions to ${file}`);
    const json = JSON.parse((await runNode("bin/mss-bot.js", ["reading", "schedule", "8", "--json"], { env })).stdout) as { sessions: JsonSession[] };

    const calendar = new ICAL.Component(ICAL.parse(readFileSync(file, "utf8")));
    const events = calendar.getAllSubcomponents("vevent");
    expect(events.map((e) => e.getFirstPropertyValue("uid"))).toEqual(json.sessions.map((s) => `reading-${s.date}@mss-bot`));
    expect(events.map((e) => e.getFirstPropertyValue("summary"))).toEqual(json.sessions.map((s) => `Reading group: ${s.presenter?.name} presents ${s.paper?.name}`));
    expect(events.map((e) => e.getFirstProperty("dtstart")?.getParameter("tzid"))).toEqual(Array(8).fill("Europe/Berlin"));
    expect(
      events.map((e) => {
        const start = e.getFirstPropertyValue("dtstart");
        return start instanceof ICAL.Time ? start.toJSDate().toISOString() : null;
      }),
    ).toEqual(json.sessions.map((s) => new Date(s.startsAt).toISOString()));
  });

  it("keeps changes made from the command line: a skipped week shows, and has no event", async () => {
    const env = { MSS_DB_PATH: tempDbPath() };
    const first = JSON.parse((await runNode("bin/mss-bot.js", ["reading", "schedule", "--weeks", "2", "--json"], { env })).stdout) as { sessions: JsonSession[] };
    const skip = await runNode("bin/mss-bot.js", ["reading", "skip", first.sessions[0]?.date ?? ""], { env });
    expect(skip.code).toBe(0);
    expect(skip.stdout).toContain("the rotation does not move");
    const after = JSON.parse((await runNode("bin/mss-bot.js", ["reading", "schedule", "--weeks", "2", "--json"], { env })).stdout) as { sessions: JsonSession[] };
    expect(after.sessions.map((s) => [s.skipped, s.presenter?.name ?? null])).toEqual([
      [true, null],
      [false, "XiaoKai"],
    ]);
    const next = await runNode("bin/mss-bot.js", ["reading", "next", "--json"], { env });
    expect(JSON.parse(next.stdout)).toMatchObject({ kind: "session", presenter: null, headline: expect.stringContaining("No reading group") });
  });

  it("exits 2 on a bad --weeks or an unknown flag, with the usage", async () => {
    const zero = await runNode("bin/mss-bot.js", ["reading", "schedule", "--weeks", "0"]);
    expect(zero.code).toBe(2);
    expect(zero.stderr).toContain("--weeks must be a whole number from 1 to 52");
    const bogus = await runNode("bin/mss-bot.js", ["reading", "schedule", "--bogus"]);
    expect(bogus.code).toBe(2);
    expect(bogus.stderr).toContain("usage: mss-bot reading schedule [--weeks N] [--ics FILE] [--json]");
  });
});
