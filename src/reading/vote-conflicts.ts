import type { Store } from "../store/store.js";
import type { ReadingService } from "./reading-service.js";
import { sessionDate } from "./session-reply.js";
import { parseCivil } from "../papers/zoned-time.js";

/** "Mon 14 Dec 2026, 09:00 (UTC)" for a session date, or the date when the calendar has no session on it. */
export function sessionLabel(reading: ReadingService, date: string): string {
  const day = parseCivil(date);
  const slot = day ? reading.calendar.on(day) : undefined;
  return slot ? sessionDate(slot, reading.timeZone) : date;
}

/**
 * Papers another session holds, each with where: the paper of another posted
 * session still to be presented, assigned to another session not yet posted
 * (by `reading assign` or a vote it won), or, with `openVotes`,
 * offered in another open vote. A vote neither offers nor awards them, so two
 * votes never undo each other.
 */
export function heldElsewhere(reading: ReadingService, store: Store, date: string, at: Date, openVotes: boolean): Map<string, string> {
  const today = at.toISOString().slice(0, 10);
  const held = new Map<string, string>();
  for (const row of store.reading.sessions.all()) {
    if (row.date !== date && row.status === "held" && row.outcome === "pending" && row.paperId) held.set(row.paperId, `the paper of ${sessionLabel(reading, row.date)}`);
  }
  for (const o of reading.input().overrides) {
    if (o.kind === "assign" && o.paperId && o.date !== date && o.date >= today) held.set(o.paperId, `assigned to ${sessionLabel(reading, o.date)}`);
  }
  if (openVotes) {
    for (const poll of store.reading.polls.openPolls()) {
      if (poll.date === date) continue;
      for (const c of poll.choices) if (!held.has(c.paperId)) held.set(c.paperId, `offered in the open vote for ${sessionLabel(reading, poll.date)}`);
    }
  }
  return held;
}
