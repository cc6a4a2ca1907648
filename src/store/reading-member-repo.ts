import type { Database } from "better-sqlite3";
import { z } from "zod";

export const MemberRowSchema = z.object({
  key: z.string(),
  name: z.string(),
  /** Joined with `reading join`: a member even when the list names them as no paper's reporter. */
  joined: z.number().transform((n) => n === 1),
  status: z.enum(["active", "left", "removed"]),
  /** Place in the rotation: the lowest turn presents next; presenting moves a member behind everyone. */
  turn: z.number().int(),
});
export type MemberRow = z.output<typeof MemberRowSchema>;

export const LinkRowSchema = z.object({ memberKey: z.string(), platform: z.string(), userId: z.string() });
export type LinkRow = z.infer<typeof LinkRowSchema>;

/**
 * Reading-group members as recorded (reporters of the list are members without
 * a row until the rotation first records them) and their chat users per platform.
 */
export class ReadingMemberRepo {
  constructor(private readonly db: Database) {}

  all(): MemberRow[] {
    return this.db.prepare("SELECT key, name, joined, status, turn FROM reading_members ORDER BY turn, key").all().map((r) => MemberRowSchema.parse(r));
  }

  get(key: string): MemberRow | undefined {
    const row = this.db.prepare("SELECT key, name, joined, status, turn FROM reading_members WHERE key = ?").get(key);
    return row === undefined ? undefined : MemberRowSchema.parse(row);
  }

  maxTurn(): number {
    return this.db.prepare<[], { turn: number | null }>("SELECT max(turn) AS turn FROM reading_members").get()?.turn ?? 0;
  }

  upsert(row: MemberRow, at: string): void {
    this.db
      .prepare(
        `INSERT INTO reading_members (key, name, joined, status, turn, updated_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (key) DO UPDATE SET name = excluded.name, joined = excluded.joined, status = excluded.status, turn = excluded.turn, updated_at = excluded.updated_at`,
      )
      .run(row.key, row.name, row.joined ? 1 : 0, row.status, row.turn, at);
  }

  setTurn(key: string, turn: number, at: string): void {
    this.db.prepare("UPDATE reading_members SET turn = ?, updated_at = ? WHERE key = ?").run(turn, at, key);
  }

  setStatus(key: string, status: MemberRow["status"], at: string): void {
    this.db.prepare("UPDATE reading_members SET status = ?, updated_at = ? WHERE key = ?").run(status, at, key);
  }

  links(): LinkRow[] {
    return this.db
      .prepare("SELECT member_key AS memberKey, platform, user_id AS userId FROM reading_links ORDER BY member_key, platform")
      .all()
      .map((r) => LinkRowSchema.parse(r));
  }

  /** The member a chat user is linked to on a platform. */
  linkedMember(platform: string, userId: string): string | undefined {
    return this.db.prepare<[string, string], { key: string }>("SELECT member_key AS key FROM reading_links WHERE platform = ? AND user_id = ?").get(platform, userId)?.key;
  }

  linkedUser(memberKey: string, platform: string): string | undefined {
    return this.db.prepare<[string, string], { id: string }>("SELECT user_id AS id FROM reading_links WHERE member_key = ? AND platform = ?").get(memberKey, platform)?.id;
  }

  /** Links a member to a chat user on a platform, replacing the member's old link there and the user's old member. */
  link(memberKey: string, platform: string, userId: string, at: string): void {
    this.db.transaction(() => {
      this.db.prepare("DELETE FROM reading_links WHERE (member_key = ? AND platform = ?) OR (platform = ? AND user_id = ?)").run(memberKey, platform, platform, userId);
      this.db.prepare("INSERT INTO reading_links (member_key, platform, user_id, created_at) VALUES (?, ?, ?, ?)").run(memberKey, platform, userId, at);
    })();
  }
}
