import type { Database } from "better-sqlite3";
import { z } from "zod";
import { parseStoredReply } from "../replies/reply-schema.js";
import type { Reply } from "../replies/reply.js";

const SessionRowSchema = z.object({
  date: z.string(),
  startsAt: z.string(),
  status: z.enum(["held", "skipped"]),
  presenterKey: z.string().nullable(),
  paperId: z.string().nullable(),
  paperName: z.string().nullable(),
  /** Whether the paper was presented: "pending" until the next session (or `reading done`) says so. */
  outcome: z.enum(["pending", "presented", "not-presented", "none"]),
  reply: z.string(),
  committedAt: z.string(),
});
export type SessionRow = Omit<z.infer<typeof SessionRowSchema>, "reply"> & { reply: Reply };

const OverrideRowSchema = z.object({
  date: z.string(),
  kind: z.enum(["skip", "absent", "assign"]),
  /** absent: who is away; assign: who presents ("" for whoever's turn it is). */
  memberKey: z.string(),
  paperId: z.string().nullable(),
  createdBy: z.string(),
});
export type OverrideRow = z.infer<typeof OverrideRowSchema>;

const SlidesRowSchema = z.object({ date: z.string(), url: z.string(), addedBy: z.string(), addedAt: z.string() });
export type SlidesRow = z.infer<typeof SlidesRowSchema>;

const QueueRowSchema = z.object({ paperId: z.string(), paperName: z.string(), addedBy: z.string(), addedAt: z.string() });
export type QueueRow = z.infer<typeof QueueRowSchema>;

const SESSION_COLUMNS = `session_date AS date, starts_at AS startsAt, status, presenter_key AS presenterKey, paper_id AS paperId,
  paper_name AS paperName, outcome, reply_json AS reply, committed_at AS committedAt`;
const toSession = (row: unknown): SessionRow => {
  const r = SessionRowSchema.parse(row);
  return { ...r, reply: parseStoredReply(r.reply) };
};

/** The reading group's calendar state: sessions held (frozen once posted), changes to upcoming ones, papers presented, the group queue. */
export class ReadingSessionRepo {
  constructor(private readonly db: Database) {}

  /** Sessions held or skipped, oldest first. */
  all(): SessionRow[] {
    return this.db.prepare(`SELECT ${SESSION_COLUMNS} FROM reading_sessions ORDER BY session_date`).all().map(toSession);
  }

  get(date: string): SessionRow | undefined {
    const row = this.db.prepare(`SELECT ${SESSION_COLUMNS} FROM reading_sessions WHERE session_date = ?`).get(date);
    return row === undefined ? undefined : toSession(row);
  }

  /** Records a session as posted; false when it already was (the row is never rewritten). */
  insert(row: SessionRow): boolean {
    return (
      this.db
        .prepare(
          `INSERT OR IGNORE INTO reading_sessions (session_date, starts_at, status, presenter_key, paper_id, paper_name, outcome, reply_json, committed_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(row.date, row.startsAt, row.status, row.presenterKey, row.paperId, row.paperName, row.outcome, JSON.stringify(row.reply), row.committedAt).changes === 1
    );
  }

  /** A posted session's paper chosen afterwards (a vote that closed after the post): the paper and the reply as posted now. */
  setPaper(date: string, paperId: string, paperName: string, reply: Reply): void {
    this.db.prepare("UPDATE reading_sessions SET paper_id = ?, paper_name = ?, outcome = 'pending', reply_json = ? WHERE session_date = ?").run(paperId, paperName, JSON.stringify(reply), date);
  }

  setOutcome(date: string, outcome: SessionRow["outcome"]): void {
    this.db.prepare("UPDATE reading_sessions SET outcome = ? WHERE session_date = ?").run(outcome, date);
  }

  /** Sessions whose paper's outcome is still open or set, by paper. */
  withPaper(paperId: string): SessionRow[] {
    return this.db.prepare(`SELECT ${SESSION_COLUMNS} FROM reading_sessions WHERE paper_id = ? ORDER BY session_date`).all(paperId).map(toSession);
  }

  overrides(): OverrideRow[] {
    return this.db
      .prepare("SELECT session_date AS date, kind, member_key AS memberKey, paper_id AS paperId, created_by AS createdBy FROM reading_overrides ORDER BY session_date, kind, member_key")
      .all()
      .map((r) => OverrideRowSchema.parse(r));
  }

  /** Sets a change; an assignment replaces the session's earlier one. */
  setOverride(row: OverrideRow, at: string): void {
    this.db.transaction(() => {
      if (row.kind === "assign") this.db.prepare("DELETE FROM reading_overrides WHERE session_date = ? AND kind = 'assign'").run(row.date);
      this.db
        .prepare("INSERT OR REPLACE INTO reading_overrides (session_date, kind, member_key, paper_id, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)")
        .run(row.date, row.kind, row.memberKey, row.paperId, row.createdBy, at);
    })();
  }

  /** Removes a change (for an assignment, whoever presents); true when there was one. */
  clearOverride(date: string, kind: OverrideRow["kind"], memberKey?: string): boolean {
    if (memberKey === undefined) return this.db.prepare("DELETE FROM reading_overrides WHERE session_date = ? AND kind = ?").run(date, kind).changes > 0;
    return this.db.prepare("DELETE FROM reading_overrides WHERE session_date = ? AND kind = ? AND member_key = ?").run(date, kind, memberKey).changes > 0;
  }

  presented(): Map<string, { paperName: string; date: string | null }> {
    const rows = this.db.prepare<[], { paperId: string; paperName: string; date: string | null }>("SELECT paper_id AS paperId, paper_name AS paperName, session_date AS date FROM reading_presented").all();
    return new Map(rows.map((r) => [r.paperId, { paperName: r.paperName, date: r.date }]));
  }

  markPresented(paperId: string, paperName: string, date: string | null, by: string, at: string): void {
    this.db
      .prepare("INSERT OR REPLACE INTO reading_presented (paper_id, paper_name, session_date, marked_by, marked_at) VALUES (?, ?, ?, ?, ?)")
      .run(paperId, paperName, date, by, at);
  }

  unmarkPresented(paperId: string): boolean {
    return this.db.prepare("DELETE FROM reading_presented WHERE paper_id = ?").run(paperId).changes > 0;
  }

  /** Slides (or notes) attached to sessions, by session date. */
  slides(): Map<string, SlidesRow> {
    const rows = this.db.prepare("SELECT session_date AS date, url, added_by AS addedBy, added_at AS addedAt FROM reading_slides").all().map((r) => SlidesRowSchema.parse(r));
    return new Map(rows.map((r) => [r.date, r]));
  }

  /** Attaches a link to a session, replacing an earlier one. */
  setSlides(row: SlidesRow): void {
    this.db.prepare("INSERT OR REPLACE INTO reading_slides (session_date, url, added_by, added_at) VALUES (?, ?, ?, ?)").run(row.date, row.url, row.addedBy, row.addedAt);
  }

  queue(): QueueRow[] {
    return this.db
      .prepare("SELECT paper_id AS paperId, paper_name AS paperName, added_by AS addedBy, added_at AS addedAt FROM reading_queue ORDER BY added_at, id")
      .all()
      .map((r) => QueueRowSchema.parse(r));
  }

  enqueue(paperId: string, paperName: string, by: string, at: string): boolean {
    return this.db.prepare("INSERT OR IGNORE INTO reading_queue (paper_id, paper_name, added_by, added_at) VALUES (?, ?, ?, ?)").run(paperId, paperName, by, at).changes === 1;
  }

  dequeue(paperId: string): boolean {
    return this.db.prepare("DELETE FROM reading_queue WHERE paper_id = ?").run(paperId).changes > 0;
  }

  /** Papers the sync announced as new on a source, oldest first: they join the group queue. */
  announcedAdditions(source: string): Array<{ paperId: string; list: string | null; at: string }> {
    return this.db
      .prepare<[string], { paperId: string; list: string | null; at: string }>("SELECT paper_id AS paperId, list_id AS list, created_at AS at FROM announcements WHERE source = ? AND kind = 'added' AND paper_id IS NOT NULL ORDER BY id")
      .all(source);
  }
}
