import type { ReadingRsvpRepo } from "../store/reading-rsvp-repo.js";
import type { SessionRow } from "../store/reading-session-repo.js";

/** How far back the attendance counts go. */
export const ATTENDANCE_WEEKS = 12;
const DAY_MS = 86_400_000;

export type Counts = Array<[string, number]>;

/** The reading group's history in numbers, as plain counts (most first). */
export interface ReadingStats {
  held: number;
  skipped: number;
  /** Papers presented (or still marked pending) in held sessions. */
  papersRead: number;
  firstDate: string | null;
  presenters: Counts;
  venues: Counts;
  /** Oldest year first. */
  years: Counts;
  /** RSVP answers of the sessions held in the last ATTENDANCE_WEEKS weeks, oldest first. */
  attendance: Array<{ date: string; going: number; notGoing: number }>;
}

function countBy(values: string[]): Counts {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort(([a, x], [b, y]) => y - x || a.localeCompare(b));
}

const presenterOf = (s: SessionRow): string | undefined => (s.reply.kind === "session" ? s.reply.presenter?.name : undefined) ?? s.presenterKey ?? undefined;
const cardOf = (s: SessionRow) => (s.reply.kind === "session" ? s.reply.card : null);

/**
 * Counts over the sessions posted so far: sessions per presenter, papers read
 * per venue and year (the venue and year the session's post showed), and the
 * RSVPs of each session of the last 12 weeks up to `now`.
 */
export function readingStats(sessions: SessionRow[], rsvps: Pick<ReadingRsvpRepo, "counts">, now: Date): ReadingStats {
  const held = sessions.filter((s) => s.status === "held");
  const read = held.filter((s) => s.paperId !== null && (s.outcome === "presented" || s.outcome === "pending"));
  const today = now.toISOString().slice(0, 10);
  const since = new Date(now.getTime() - ATTENDANCE_WEEKS * 7 * DAY_MS).toISOString().slice(0, 10);
  return {
    held: held.length,
    skipped: sessions.length - held.length,
    papersRead: read.length,
    firstDate: sessions[0]?.date ?? null,
    presenters: countBy(held.flatMap((s) => presenterOf(s) ?? [])),
    venues: countBy(read.map((s) => cardOf(s)?.venue ?? "unknown")),
    years: countBy(read.map((s) => String(cardOf(s)?.year ?? "unknown"))).sort(([a], [b]) => (a === "unknown" ? 1 : b === "unknown" ? -1 : a.localeCompare(b))),
    attendance: held
      .filter((s) => s.date > since && s.date <= today)
      .map((s) => {
        const counts = rsvps.counts(s.date);
        return { date: s.date, going: counts.going, notGoing: counts["not-going"] };
      }),
  };
}
