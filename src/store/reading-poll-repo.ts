import type { Database } from "better-sqlite3";
import { z } from "zod";

const PollRowSchema = z.object({
  date: z.string(),
  /** The papers voted on, in group-queue order (the tie-break). */
  choices: z.array(z.object({ paperId: z.string(), name: z.string() })).min(1).max(5),
  closesAt: z.string(),
  status: z.enum(["open", "closed"]),
  winner: z.string().nullable(),
  openedBy: z.string(),
  openedAt: z.string(),
  closedAt: z.string().nullable(),
});
export type PollRow = z.infer<typeof PollRowSchema>;

const VoteRowSchema = z.object({ date: z.string(), platform: z.string(), userId: z.string(), userName: z.string(), paperId: z.string(), votedAt: z.string() });
export type VoteRow = z.infer<typeof VoteRowSchema>;

const POLL_COLUMNS = `session_date AS date, choices_json AS choices, closes_at AS closesAt, status, winner, opened_by AS openedBy,
  opened_at AS openedAt, closed_at AS closedAt`;
const toPoll = (row: unknown): PollRow => {
  const r = z.object({ choices: z.string() }).loose().parse(row);
  return PollRowSchema.parse({ ...r, choices: JSON.parse(r.choices) });
};

/** Polls on a session's paper (one per session) and their votes, one per chat user, the latest kept. */
export class ReadingPollRepo {
  constructor(private readonly db: Database) {}

  /** Opens a poll; false when the session has one already (open or closed). */
  open(poll: Omit<PollRow, "status" | "winner" | "closedAt">): boolean {
    return (
      this.db
        .prepare("INSERT OR IGNORE INTO reading_polls (session_date, choices_json, closes_at, status, opened_by, opened_at) VALUES (?, ?, ?, 'open', ?, ?)")
        .run(poll.date, JSON.stringify(poll.choices), poll.closesAt, poll.openedBy, poll.openedAt).changes === 1
    );
  }

  get(date: string): PollRow | undefined {
    const row = this.db.prepare(`SELECT ${POLL_COLUMNS} FROM reading_polls WHERE session_date = ?`).get(date);
    return row === undefined ? undefined : toPoll(row);
  }

  /** Open polls, the first to close first. */
  openPolls(): PollRow[] {
    return this.db.prepare(`SELECT ${POLL_COLUMNS} FROM reading_polls WHERE status = 'open' ORDER BY closes_at`).all().map(toPoll);
  }

  /** Closes an open poll with its winner; false when it was closed already (by another run). */
  close(date: string, winner: string | null, at: string): boolean {
    return this.db.prepare("UPDATE reading_polls SET status = 'closed', winner = ?, closed_at = ? WHERE session_date = ? AND status = 'open'").run(winner, at, date).changes === 1;
  }

  /** Records a user's vote; returns the paper it replaced, if any. */
  vote(row: VoteRow): string | undefined {
    const before = this.db
      .prepare<[string, string, string], { paperId: string }>("SELECT paper_id AS paperId FROM reading_votes WHERE session_date = ? AND platform = ? AND user_id = ?")
      .get(row.date, row.platform, row.userId);
    this.db
      .prepare(
        `INSERT INTO reading_votes (session_date, platform, user_id, user_name, paper_id, voted_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (session_date, platform, user_id) DO UPDATE SET user_name = excluded.user_name, paper_id = excluded.paper_id, voted_at = excluded.voted_at`,
      )
      .run(row.date, row.platform, row.userId, row.userName, row.paperId, row.votedAt);
    return before?.paperId;
  }

  votes(date: string): VoteRow[] {
    return this.db
      .prepare(`SELECT session_date AS date, platform, user_id AS userId, user_name AS userName, paper_id AS paperId, voted_at AS votedAt FROM reading_votes WHERE session_date = ? ORDER BY rowid`)
      .all(date)
      .map((r) => VoteRowSchema.parse(r));
  }
}
