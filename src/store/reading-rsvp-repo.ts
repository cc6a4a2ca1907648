import type { Database } from "better-sqlite3";
import { z } from "zod";

export const RSVP_ANSWERS = ["going", "not-going"] as const;
export type RsvpAnswer = (typeof RSVP_ANSWERS)[number];

const RsvpRowSchema = z.object({
  date: z.string(),
  platform: z.string(),
  userId: z.string(),
  userName: z.string(),
  answer: z.enum(RSVP_ANSWERS),
  answeredAt: z.string(),
});
export type RsvpRow = z.infer<typeof RsvpRowSchema>;

const COLUMNS = "session_date AS date, platform, user_id AS userId, user_name AS userName, answer, answered_at AS answeredAt";

/** Who comes to a session: one answer per chat user (platform and user id), the latest kept. */
export class ReadingRsvpRepo {
  constructor(private readonly db: Database) {}

  /** Records a user's answer; returns the answer it replaced, if any. */
  answer(row: RsvpRow): RsvpAnswer | undefined {
    const before = this.db
      .prepare<[string, string, string], { answer: string }>("SELECT answer FROM reading_rsvps WHERE session_date = ? AND platform = ? AND user_id = ?")
      .get(row.date, row.platform, row.userId);
    this.db
      .prepare(
        `INSERT INTO reading_rsvps (session_date, platform, user_id, user_name, answer, answered_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (session_date, platform, user_id) DO UPDATE SET user_name = excluded.user_name, answer = excluded.answer, answered_at = excluded.answered_at`,
      )
      .run(row.date, row.platform, row.userId, row.userName, row.answer, row.answeredAt);
    return before === undefined ? undefined : z.enum(RSVP_ANSWERS).parse(before.answer);
  }

  /** A session's answers, in the order they were first given. */
  forSession(date: string): RsvpRow[] {
    return this.db.prepare(`SELECT ${COLUMNS} FROM reading_rsvps WHERE session_date = ? ORDER BY rowid`).all(date).map((r) => RsvpRowSchema.parse(r));
  }

  counts(date: string): Record<RsvpAnswer, number> {
    const counts: Record<RsvpAnswer, number> = { going: 0, "not-going": 0 };
    for (const row of this.forSession(date)) counts[row.answer]++;
    return counts;
  }
}
