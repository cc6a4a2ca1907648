import type { Database } from "better-sqlite3";
import { z } from "zod";
import { PLATFORMS } from "../papers/platforms.js";

export const WATCH_KINDS = ["author", "keyword", "tag", "venue"] as const;
export type WatchKind = (typeof WATCH_KINDS)[number];

export const WatchSchema = z.object({
  id: z.number().int(),
  platform: z.enum(PLATFORMS),
  userId: z.string(),
  kind: z.enum(WATCH_KINDS),
  value: z.string(),
  status: z.enum(["active", "failed", "removed"]),
  statusReason: z.string().nullable(),
  createdAt: z.string(),
  /** Direct messages queued for it (one per paper). */
  hits: z.number().int(),
  /** Its number for its user (1, 2, 3 in the order they set them): what watches lists and unwatch takes. */
  number: z.number().int(),
});
export type Watch = z.infer<typeof WatchSchema>;

const COLUMNS = `id, platform, user_id AS userId, kind, value, status, status_reason AS statusReason, created_at AS createdAt,
  (SELECT count(*) FROM watch_hits h WHERE h.watch_id = watches.id) AS hits,
  (SELECT count(*) FROM watches w WHERE w.platform = watches.platform AND w.user_id = watches.user_id AND w.id <= watches.id) AS number`;
const toWatch = (row: unknown) => WatchSchema.parse(row);

/** Each user's personal watches, and the DM each queued per paper; a removed watch is kept (its DMs stay explained). */
export class WatchRepo {
  constructor(private readonly db: Database) {}

  add(platform: string, userId: string, kind: WatchKind, value: string, at: string): Watch {
    const id = this.db
      .prepare("INSERT INTO watches (platform, user_id, kind, value, status, created_at, updated_at) VALUES (?, ?, ?, ?, 'active', ?, ?)")
      .run(platform, userId, kind, value, at, at).lastInsertRowid;
    return this.get(Number(id)) as Watch;
  }

  get(id: number): Watch | undefined {
    const row = this.db.prepare(`SELECT ${COLUMNS} FROM watches WHERE id = ?`).get(id);
    return row === undefined ? undefined : toWatch(row);
  }

  /**
   * A user's watch by its number. Rows are never deleted (a removed watch is kept),
   * so a number counted over all the user's rows stays the watch's: never reused.
   */
  byNumber(platform: string, userId: string, number: number): Watch | undefined {
    const row = this.db.prepare(`SELECT ${COLUMNS} FROM watches WHERE platform = ? AND user_id = ? ORDER BY id LIMIT 1 OFFSET ?`).get(platform, userId, number - 1);
    return row === undefined ? undefined : toWatch(row);
  }

  /** A user's watches that are not removed, oldest first. */
  ofUser(platform: string, userId: string): Watch[] {
    return this.db.prepare(`SELECT ${COLUMNS} FROM watches WHERE platform = ? AND user_id = ? AND status != 'removed' ORDER BY id`).all(platform, userId).map(toWatch);
  }

  active(): Watch[] {
    return this.db.prepare(`SELECT ${COLUMNS} FROM watches WHERE status = 'active' ORDER BY id`).all().map(toWatch);
  }

  /** Whether the list announced the paper as new (from any sync source) at or after `since`. */
  addedSince(paperId: string, since: string): boolean {
    return (
      this.db.prepare("SELECT 1 FROM announcements WHERE paper_id = ? AND kind = 'added' AND source != 'watch' AND created_at >= ? LIMIT 1").get(paperId, since) !== undefined
    );
  }

  hasHit(watchId: number, paperId: string): boolean {
    return this.db.prepare("SELECT 1 FROM watch_hits WHERE watch_id = ? AND paper_id = ?").get(watchId, paperId) !== undefined;
  }

  recordHit(watchId: number, paperId: string, outboxKey: string, at: string): void {
    this.db.prepare("INSERT OR IGNORE INTO watch_hits (watch_id, paper_id, outbox_key, created_at) VALUES (?, ?, ?, ?)").run(watchId, paperId, outboxKey, at);
  }

  /** Removes a watch; its DMs not sent yet are dropped with the reason. */
  remove(id: number, at: string): void {
    this.end(id, "removed", "the watch was removed before delivery", at);
  }

  /**
   * Fails the watch whose DM was queued under `outboxKey` (the user blocked the
   * bot or left) and drops its other waiting DMs; the user's other watches are
   * untouched. Returns the watch, if the key was a watch's.
   */
  failByKey(outboxKey: string, reason: string, at: string): Watch | undefined {
    const hit = this.db.prepare<[string], { watchId: number }>("SELECT watch_id AS watchId FROM watch_hits WHERE outbox_key = ?").get(outboxKey);
    if (!hit) return undefined;
    this.end(hit.watchId, "failed", `the direct message could not be delivered: ${reason}`, at);
    return this.get(hit.watchId);
  }

  private end(id: number, status: "failed" | "removed", reason: string, at: string): void {
    this.db.transaction(() => {
      this.db.prepare("UPDATE watches SET status = ?, status_reason = ?, updated_at = ? WHERE id = ? AND status != 'removed'").run(status, status === "failed" ? reason : null, at, id);
      this.db
        .prepare("UPDATE outbox SET status = 'failed', last_error = ? WHERE status = 'pending' AND key IN (SELECT outbox_key FROM watch_hits WHERE watch_id = ?)")
        .run(status === "failed" ? "the watch failed earlier" : reason, id);
    })();
  }
}
