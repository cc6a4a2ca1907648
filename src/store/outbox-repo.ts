import type { Database } from "better-sqlite3";
import { z } from "zod";

export const OutboxRowSchema = z.object({
  id: z.number(),
  announcementId: z.number(),
  platform: z.string(),
  channelId: z.string(),
  key: z.string(),
  status: z.enum(["pending", "sending", "sent", "failed"]),
  attempts: z.number(),
  nextAttemptAt: z.string(),
  leaseUntil: z.string().nullable(),
  lastError: z.string().nullable(),
  messageId: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});
export type OutboxRow = z.infer<typeof OutboxRowSchema>;
export type AttemptOutcome = "sent" | "transient" | "permanent" | "unavailable";

const COLUMNS = `id, announcement_id AS announcementId, platform, channel_id AS channelId, key, status, attempts,
  next_attempt_at AS nextAttemptAt, lease_until AS leaseUntil, last_error AS lastError, message_id AS messageId,
  created_at AS createdAt, sent_at AS sentAt`;
const toRow = (row: unknown) => OutboxRowSchema.parse(row);
const OPEN = "status IN ('pending', 'sending')";
/** Rows `o` of these platforms with no earlier open row in their channel (the partial index outbox_open serves it). */
const HEAD_OF_CHANNEL = (marks: string) => `o.platform IN (${marks}) AND o.${OPEN}
  AND NOT EXISTS (SELECT 1 FROM outbox e WHERE e.platform = o.platform AND e.channel_id = o.channel_id AND e.id < o.id AND e.${OPEN})`;

/**
 * One row per (announcement, channel), keyed for idempotency. A row is claimed
 * ("sending", with a lease) before the platform is called and marked sent only
 * after the platform confirmed; a lease that runs out (the process died mid-call)
 * makes the row due again, and the key lets the platform drop a repeat.
 */
export class OutboxRepo {
  constructor(private readonly db: Database) {}

  /** Queues a delivery, due at once or (a rate-limited message edit) not before `dueAt`. */
  enqueue(announcementId: number, platform: string, channelId: string, key: string, at: string, dueAt: string = at): boolean {
    return (
      this.db
        .prepare("INSERT OR IGNORE INTO outbox (announcement_id, platform, channel_id, key, status, next_attempt_at, created_at) VALUES (?, ?, ?, ?, 'pending', ?, ?)")
        .run(announcementId, platform, channelId, key, dueAt, at).changes === 1
    );
  }

  /** Records why an announcement was not queued for a channel (for `why`). */
  skip(announcementId: number, platform: string, channelId: string, reason: string): void {
    this.db.prepare("INSERT OR IGNORE INTO skipped_deliveries (announcement_id, platform, channel_id, reason) VALUES (?, ?, ?, ?)").run(announcementId, platform, channelId, reason);
  }

  skipReason(announcementId: number, platform: string, channelId: string): string | undefined {
    return this.db
      .prepare<[number, string, string], { reason: string }>("SELECT reason FROM skipped_deliveries WHERE announcement_id = ? AND platform = ? AND channel_id = ?")
      .get(announcementId, platform, channelId)?.reason;
  }

  /**
   * Claims due rows for the given platforms in one statement (atomic against
   * other processes on the same file): pending and due, or sending with a
   * lapsed lease, oldest first. A row waits while an earlier row of its channel
   * is still open (pending or sending), so each channel gets its deliveries in
   * announcement order and a retried row holds the ones after it. `except`:
   * rows this process has in flight, never claimed twice even past their lease.
   * `restingChannels`: channels (of these platforms) that must not start a call yet.
   */
  claimDue(now: string, leaseUntil: string, platforms: string[], limit: number, except: readonly number[] = [], restingChannels: readonly string[] = []): OutboxRow[] {
    if (platforms.length === 0) return [];
    const marks = platforms.map(() => "?").join(", ");
    const busy = except.length === 0 ? "" : `AND o.id NOT IN (${except.map(() => "?").join(", ")})`;
    const resting = restingChannels.length === 0 ? "" : `AND o.channel_id NOT IN (${restingChannels.map(() => "?").join(", ")})`;
    return this.db
      .prepare(
        `UPDATE outbox SET status = 'sending', lease_until = ?, attempts = attempts + 1
         WHERE id IN (SELECT o.id FROM outbox o WHERE ${HEAD_OF_CHANNEL(marks)} ${busy} ${resting}
           AND ((o.status = 'pending' AND o.next_attempt_at <= ?) OR (o.status = 'sending' AND o.lease_until <= ?))
           ORDER BY o.id LIMIT ?)
         RETURNING ${COLUMNS}`,
      )
      .all(leaseUntil, ...platforms, ...except, ...restingChannels, now, now, limit)
      .map(toRow)
      .sort((a, b) => a.id - b.id);
  }

  markSent(id: number, messageId: string, at: string): void {
    this.db.transaction(() => {
      this.db.prepare("UPDATE outbox SET status = 'sent', message_id = ?, sent_at = ?, lease_until = NULL, last_error = NULL WHERE id = ?").run(messageId, at, id);
      this.attempt(id, at, "sent", messageId);
    })();
  }

  /**
   * Puts a row back to pending for a later attempt. "unavailable" is not the
   * row's fault (a platform not connected, credentials refused): the attempt is
   * given back, so it never counts towards giving up.
   */
  markRetry(id: number, nextAttemptAt: string, error: string, at: string, outcome: "transient" | "unavailable"): void {
    const giveBack = outcome === "unavailable" ? 1 : 0;
    this.db.transaction(() => {
      this.db
        .prepare(`UPDATE outbox SET status = 'pending', next_attempt_at = ?, lease_until = NULL, last_error = ?, attempts = max(attempts - ?, 0) WHERE id = ? AND ${OPEN}`)
        .run(nextAttemptAt, error, giveBack, id);
      this.attempt(id, at, outcome, error);
    })();
  }

  /** Fails a row for good; `refused` when the platform refused it (what pauses a subscription, and what resuming re-queues). */
  markFailed(id: number, error: string, at: string, refused = false): void {
    this.db.transaction(() => {
      this.db.prepare(`UPDATE outbox SET status = 'failed', lease_until = NULL, last_error = ?, refused = ? WHERE id = ? AND ${OPEN}`).run(error, refused ? 1 : 0, id);
      this.attempt(id, at, "permanent", error);
    })();
  }

  /** An unavailable platform is not the row's fault: give the attempt back. */
  release(id: number, nextAttemptAt: string): void {
    this.db.prepare(`UPDATE outbox SET status = 'pending', next_attempt_at = ?, lease_until = NULL, attempts = max(attempts - 1, 0) WHERE id = ? AND ${OPEN}`).run(nextAttemptAt, id);
  }

  private attempt(id: number, at: string, outcome: AttemptOutcome, detail: string): void {
    this.db.prepare("INSERT INTO delivery_attempts (outbox_id, at, outcome, detail) VALUES (?, ?, ?, ?)").run(id, at, outcome, detail);
  }

  find(announcementId: number, platform: string, channelId: string): OutboxRow | undefined {
    const row = this.db.prepare(`SELECT ${COLUMNS} FROM outbox WHERE announcement_id = ? AND platform = ? AND channel_id = ?`).get(announcementId, platform, channelId);
    return row === undefined ? undefined : toRow(row);
  }

  forChannel(platform: string, channelId: string, limit = 50): OutboxRow[] {
    return this.db.prepare(`SELECT ${COLUMNS} FROM outbox WHERE platform = ? AND channel_id = ? ORDER BY id DESC LIMIT ?`).all(platform, channelId, limit).map(toRow);
  }

  recent(limit = 50): OutboxRow[] {
    return this.db.prepare(`SELECT ${COLUMNS} FROM outbox ORDER BY id DESC LIMIT ?`).all(limit).map(toRow);
  }

  counts(): Record<OutboxRow["status"], number> {
    const counts = { pending: 0, sending: 0, sent: 0, failed: 0 };
    const rows = this.db.prepare<[], { status: OutboxRow["status"]; n: number }>("SELECT status, count(*) AS n FROM outbox GROUP BY status").all();
    for (const { status, n } of rows) counts[status] = n;
    return counts;
  }

  /**
   * Makes a channel's waiting rows due now (after a paused subscription is
   * resumed); with `requeueRefused`, also the rows the platform refused since
   * the channel's last delivery, the failures that paused it. Returns how many
   * failed rows were queued again.
   */
  wakeChannel(platform: string, channelId: string, at: string, requeueRefused = false): number {
    return this.db.transaction(() => {
      this.db.prepare("UPDATE outbox SET next_attempt_at = ? WHERE platform = ? AND channel_id = ? AND status = 'pending'").run(at, platform, channelId);
      if (!requeueRefused) return 0;
      return this.db
        .prepare(
          `UPDATE outbox SET status = 'pending', next_attempt_at = ?, refused = 0 WHERE platform = ? AND channel_id = ? AND status = 'failed' AND refused = 1
           AND id > coalesce((SELECT max(id) FROM outbox WHERE platform = ? AND channel_id = ? AND status = 'sent'), 0)`,
        )
        .run(at, platform, channelId, platform, channelId).changes;
    })();
  }

  /** The soonest time a row of one of these platforms becomes due (rows of other platforms, and rows behind an open row of their channel, wait). */
  nextDue(platforms: string[]): string | undefined {
    if (platforms.length === 0) return undefined;
    const marks = platforms.map(() => "?").join(", ");
    return (
      this.db
        .prepare<string[], { at: string | null }>(`SELECT min(CASE o.status WHEN 'sending' THEN o.lease_until ELSE o.next_attempt_at END) AS at FROM outbox o WHERE ${HEAD_OF_CHANNEL(marks)}`)
        .get(...platforms)?.at ?? undefined
    );
  }
}
