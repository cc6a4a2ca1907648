import type { Database } from "better-sqlite3";
import { z } from "zod";

/**
 * Where a delivery goes besides a channel: a direct message to a user (the row's
 * channel id is the user id), a post in the discussion thread of an earlier
 * delivery, or an edit of an earlier delivery's message (`parentKey` is that
 * delivery's outbox key). Rows without a target are plain channel posts.
 */
export const DeliveryTargetSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("dm") }),
  z.object({ kind: z.literal("thread"), parentKey: z.string(), name: z.string() }),
  z.object({ kind: z.literal("edit"), parentKey: z.string() }),
]);
export type DeliveryTarget = z.infer<typeof DeliveryTargetSchema>;

const RowSchema = z.object({ kind: z.string(), parentKey: z.string().nullable(), detail: z.string().nullable() });

/** The delivery kinds beyond a channel post, one row per outbox row that has one (additive to the outbox). */
export class DeliveryTargetRepo {
  constructor(private readonly db: Database) {}

  /** Gives the delivery queued under `key` (just now, by the outbox) its target. Call in the enqueue's transaction. */
  attach(key: string, target: DeliveryTarget): void {
    const parentKey = target.kind === "dm" ? null : target.parentKey;
    const detail = target.kind === "thread" ? target.name : null;
    this.db
      .prepare("INSERT OR IGNORE INTO outbox_targets (outbox_id, kind, parent_key, detail) SELECT id, ?, ?, ? FROM outbox WHERE key = ?")
      .run(target.kind, parentKey, detail, key);
  }

  get(outboxId: number): DeliveryTarget | undefined {
    const row = this.db.prepare("SELECT kind, parent_key AS parentKey, detail FROM outbox_targets WHERE outbox_id = ?").get(outboxId);
    if (row === undefined) return undefined;
    const r = RowSchema.parse(row);
    return DeliveryTargetSchema.parse({ kind: r.kind, parentKey: r.parentKey ?? undefined, name: r.detail ?? undefined });
  }

  /** Where the delivery a thread hangs on stands: sent (with its message id), waiting, or failed (or never queued). */
  parentOf(key: string): { state: "sent"; messageId: string } | { state: "waiting" } | { state: "failed"; reason: string } {
    const row = this.db
      .prepare<[string], { status: string; messageId: string | null; lastError: string | null }>("SELECT status, message_id AS messageId, last_error AS lastError FROM outbox WHERE key = ?")
      .get(key);
    if (!row) return { state: "failed", reason: "it was never queued" };
    if (row.status === "sent" && row.messageId) return { state: "sent", messageId: row.messageId };
    if (row.status === "failed" || row.status === "sent") return { state: "failed", reason: row.lastError ?? "no message id" };
    return { state: "waiting" };
  }

  /** How many edits of the delivery `parentKey` were ever queued (the next one is this plus one). */
  editCount(parentKey: string): number {
    return this.db.prepare<[string], { n: number }>("SELECT COUNT(*) AS n FROM outbox_targets WHERE kind = 'edit' AND parent_key = ?").get(parentKey)?.n ?? 0;
  }

  /** The latest edit queued of the delivery `parentKey`: its outbox row's id, key, state, when it was sent and its announcement. */
  latestEdit(parentKey: string): { id: number; key: string; status: string; sentAt: string | null; announcementId: number } | undefined {
    return this.db
      .prepare<[string], { id: number; key: string; status: string; sentAt: string | null; announcementId: number }>(
        `SELECT o.id, o.key, o.status, o.sent_at AS sentAt, o.announcement_id AS announcementId FROM outbox o
         JOIN outbox_targets t ON t.outbox_id = o.id WHERE t.kind = 'edit' AND t.parent_key = ? ORDER BY o.id DESC LIMIT 1`,
      )
      .get(parentKey);
  }
}
