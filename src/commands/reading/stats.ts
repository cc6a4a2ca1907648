import type { BarPanel, ChartInput } from "../../charts/chart-input.js";
import { ATTENDANCE_WEEKS, readingStats, type Counts, type ReadingStats } from "../../reading/reading-stats.js";
import type { InfoSection, Reply } from "../../replies/reply.js";
import { chartImage } from "../chart-image.js";
import { defineCommand } from "../command.js";

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
const rows = (counts: Counts) => counts.map(([label, n]) => ({ label, value: String(n) }));

function summary(stats: ReadingStats): string {
  const sessions = `${plural(stats.held, "session")} held${stats.firstDate ? ` since ${stats.firstDate}` : ""}${stats.skipped > 0 ? ` (${plural(stats.skipped, "week")} skipped)` : ""}`;
  const answered = stats.attendance.filter((a) => a.going + a.notGoing > 0);
  const going = answered.reduce((n, a) => n + a.going, 0);
  const attendance =
    answered.length === 0
      ? `no RSVPs in the last ${ATTENDANCE_WEEKS} weeks`
      : `${(going / answered.length).toFixed(1)} going per session over the last ${ATTENDANCE_WEEKS} weeks (${plural(answered.length, "session")} with RSVPs)`;
  const top = stats.presenters[0];
  return `${sessions}; ${plural(stats.papersRead, "paper")} read; ${top ? `most sessions: ${top[0]} (${top[1]}); ` : ""}${attendance}.`;
}

function chart(stats: ReadingStats): ChartInput {
  return {
    title: `Reading group: ${plural(stats.held, "session")}, ${plural(stats.papersRead, "paper")} read`,
    panels: ([
      { title: "Sessions per presenter", axis: "Presenter", measure: "Sessions", layout: "rows", bars: stats.presenters.map(([label, value]) => ({ label, value })) },
      { title: "Papers read per venue", axis: "Venue", measure: "Papers", layout: "rows", bars: stats.venues.map(([label, value]) => ({ label, value })) },
      { title: "Papers read per year", axis: "Year", measure: "Papers", layout: "columns", bars: stats.years.map(([label, value]) => ({ label, value })) },
      {
        title: `RSVPs per session, last ${ATTENDANCE_WEEKS} weeks`,
        axis: "Session",
        measure: "Answers",
        layout: "columns",
        groupTitle: "RSVP",
        groups: ["going", "not going"],
        bars: stats.attendance.flatMap((a) => [
          { label: a.date, value: a.going, group: "going" },
          { label: a.date, value: a.notGoing, group: "not going" },
        ]),
      },
    ] satisfies BarPanel[]).filter((panel) => panel.bars.length > 0),
  };
}

export const readingStatsCommand = defineCommand({
  name: "reading stats",
  description: "The reading group in numbers: sessions per presenter, papers read, RSVPs, with a chart.",
  group: "reading",
  // The first chart loads the chart libraries (about half a second): acknowledge first.
  slow: true,
  options: {},
  async run(_args, { services: { store, now, log } }): Promise<Reply> {
    const stats = readingStats(store.reading.sessions.all(), store.reading.rsvps, now());
    if (stats.held + stats.skipped === 0) return { kind: "notice", text: "No reading-group session has been posted yet, so there is nothing to count. reading schedule shows what is planned." };
    const sections: InfoSection[] = [
      { title: "Sessions per presenter", rows: rows(stats.presenters) },
      { title: "Papers read per venue", rows: rows(stats.venues) },
      { title: "Papers read per year", rows: rows(stats.years) },
      { title: `RSVPs, last ${ATTENDANCE_WEEKS} weeks`, rows: stats.attendance.map((a) => ({ label: a.date, value: `${a.going} going, ${a.notGoing} not going` })) },
    ].filter((s) => s.rows.length > 0);
    const input = chart(stats);
    const image = input.panels.length > 0 ? await chartImage(input, "reading-stats.png", log) : undefined;
    return { kind: "info", title: "Reading group in numbers", text: summary(stats), sections, ...(image ? { image } : {}) };
  },
});
