import type { Database } from "better-sqlite3";
import { z } from "zod";
import { parseStoredReply } from "../replies/reply-schema.js";
import type { Reply } from "../replies/reply.js";

export type AnnouncementKind = "added" | "changed" | "digest" | "session";

export interface Announcement {
  id: number;
  key: string;
  source: string;
  kind: AnnouncementKind;
  paperId: string | null;
  /** The followed list it is about (MSS_LISTS id); null for what is about no list (a session, a watch's DM, a digest). */
  list?: string | null;
  reply: Reply;
  createdAt: string;
}

const RowSchema = z.object({
  id: z.number(),
  key: z.string(),
  source: z.string(),
  kind: z.enum(["added", "changed", "digest", "session"]),
  paperId: z.string().nullable(),
  list: z.string().nullable(),
  reply: z.string(),
  createdAt: z.string(),
});

const COLUMNS = "id, key, source, kind, paper_id AS paperId, list_id AS list, reply_json AS reply, created_at AS createdAt";
const toAnnouncement = (row: unknown): Announcement => {
  const r = RowSchema.parse(row);
  return { ...r, reply: parseStoredReply(r.reply) };
};

/** What the bot decided to announce, once per change: the key makes a repeated decision a no-op. */
export class AnnouncementRepo {
  constructor(private readonly db: Database) {}

  /** Inserts an announcement unless its key exists; returns its id either way, and whether it is new. */
  insert(a: Omit<Announcement, "id">): { id: number; created: boolean } {
    const result = this.db
      .prepare("INSERT OR IGNORE INTO announcements (key, source, kind, paper_id, list_id, reply_json, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
      .run(a.key, a.source, a.kind, a.paperId, a.list ?? null, JSON.stringify(a.reply), a.createdAt);
    if (result.changes === 1) return { id: Number(result.lastInsertRowid), created: true };
    return { id: (this.byKey(a.key) as Announcement).id, created: false };
  }

  /** Replaces what a queued, not yet delivered announcement says (a coalesced message edit takes the latest counts). */
  replaceReply(id: number, reply: Reply): void {
    this.db.prepare("UPDATE announcements SET reply_json = ? WHERE id = ?").run(JSON.stringify(reply), id);
  }

  byKey(key: string): Announcement | undefined {
    const row = this.db.prepare(`SELECT ${COLUMNS} FROM announcements WHERE key = ?`).get(key);
    return row === undefined ? undefined : toAnnouncement(row);
  }

  get(id: number): Announcement | undefined {
    const row = this.db.prepare(`SELECT ${COLUMNS} FROM announcements WHERE id = ?`).get(id);
    return row === undefined ? undefined : toAnnouncement(row);
  }

  /** Every announcement about a paper, oldest first. */
  forPaper(source: string, paperId: string): Announcement[] {
    return this.db.prepare(`SELECT ${COLUMNS} FROM announcements WHERE source = ? AND paper_id = ? ORDER BY id`).all(source, paperId).map(toAnnouncement);
  }
}
