import { cardTitle } from "../replies/plain-text.js";
import type { InfoRow, Reply } from "../replies/reply.js";
import type { CalendarSession } from "./ics.js";
import type { ReadingService } from "./reading-service.js";

export const ICS_FILE_NAME = "reading-group.ics";

/** The next `weeks` sessions as planned now, each with the reply its weekly post will be. */
export function scheduleSessions(reading: ReadingService, at: Date, weeks: number): CalendarSession[] {
  const slides = reading.slides();
  return reading.upcoming(at, weeks).map((planned) => withSlides({ slot: planned.slot, reply: reading.reply(planned), skipped: planned.skipped }, slides.get(planned.slot.id)?.url));
}

const withSlides = (session: CalendarSession, url: string | undefined): CalendarSession => (url === undefined ? session : { ...session, slides: url });

function rows({ reply, skipped, slides }: CalendarSession): InfoRow[] {
  if (skipped) return [{ label: "Skipped", value: "no session this week" }];
  const paperLink = reply.card?.links.find((l) => l.kind === "paper")?.url;
  const paper: InfoRow = { label: "Paper", value: reply.card ? cardTitle(reply.card) : "presenter's choice" };
  if (paperLink) paper.url = paperLink;
  const out: InfoRow[] = [{ label: "Presenter", value: reply.presenter?.name ?? "nobody available" }, paper];
  if (reply.note) out.push({ label: "Note", value: reply.note });
  if (slides) out.push({ label: "Slides", value: slides, url: slides });
  return out;
}

/** How many posted sessions a calendar file keeps before the upcoming ones (as the live calendar does). */
export const CALENDAR_PAST = 8;

/** The sessions of a calendar file: the last posted ones, then the upcoming ones. */
export function withPast(upcoming: CalendarSession[], reading: ReadingService): CalendarSession[] {
  return [...reading.pastSessions(upcoming[0]?.slot.id ?? "9999-12-31", CALENDAR_PAST), ...upcoming];
}

/** `reading schedule`: one section per session (date, presenter, paper), the .ics attached where the platform takes files. */
export async function scheduleReply(sessions: CalendarSession[], reading: ReadingService, now: Date, withFile: boolean): Promise<Reply> {
  const reply: Reply = {
    kind: "info",
    title: `Reading group: the next ${sessions.length === 1 ? "session" : `${sessions.length} sessions`}`,
    text: `cron "${reading.calendar.cron}" in ${reading.timeZone}; presenters take turns, each with their next own paper`,
    sections: sessions.map((s) => ({ title: `${s.reply.date} · ${s.slot.week}`, rows: rows(s) })),
  };
  if (!withFile) return reply;
  // ical.js and the time-zone data load only when a calendar is made, not at every start.
  const { scheduleIcs } = await import("./ics.js");
  return { ...reply, file: { name: ICS_FILE_NAME, mime: "text/calendar", content: scheduleIcs(withPast(sessions, reading), reading.timeZone, now) } };
}

/** `mss-bot reading schedule --json`: the schedule as data. */
export function scheduleJson(sessions: CalendarSession[], reading: ReadingService) {
  return {
    timeZone: reading.timeZone,
    cron: reading.calendar.cron,
    sessions: sessions.map((s) => ({
      date: s.slot.id,
      week: s.slot.week,
      startsAt: s.slot.startsAt.toISOString(),
      local: s.reply.date,
      skipped: s.skipped,
      presenter: s.reply.presenter,
      paper: s.reply.card,
      note: s.reply.note ?? null,
      slides: s.slides ?? null,
    })),
  };
}
