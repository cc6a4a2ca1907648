import type { Database } from "better-sqlite3";

/** An announcement a channel's subscription holds for its next digest. */
export interface HeldItem {
  announcementId: number;
  heldAt: string;
}

/** A held announcement and where it went: null while it waits, else the digest's key, "instant" (released) or "unsubscribed" (dropped). */
export interface HeldItemFate extends HeldItem {
  digestKey: string | null;
}

/**
 * Announcements held for a subscription's digest instead of being queued one
 * by one. An item is held once per subscription; a digest takes the items
 * held up to its period's end and marks them with its key in the same
 * transaction as it is queued, so an item goes into exactly one digest.
 */
export class DigestItemRepo {
  constructor(private readonly db: Database) {}

  /** Holds an announcement for a subscription's digest; false when it was held already. */
  hold(subscriptionId: number, announcementId: number, at: string): boolean {
    return (
      this.db.prepare("INSERT OR IGNORE INTO digest_items (subscription_id, announcement_id, held_at) VALUES (?, ?, ?)").run(subscriptionId, announcementId, at).changes === 1
    );
  }

  /** Items waiting for a digest, oldest first; only those held at or before `upTo` when given. */
  waiting(subscriptionId: number, upTo?: string): HeldItem[] {
    return this.db
      .prepare<[number, string], HeldItem>(
        `SELECT announcement_id AS announcementId, held_at AS heldAt FROM digest_items
         WHERE subscription_id = ? AND digest_key IS NULL AND held_at <= ? ORDER BY held_at, announcement_id`,
      )
      .all(subscriptionId, upTo ?? "\uffff");
  }

  /** Whether a subscription held this announcement for a digest, and where it went. */
  find(subscriptionId: number, announcementId: number): HeldItemFate | undefined {
    return this.db
      .prepare<[number, number], HeldItemFate>(
        "SELECT announcement_id AS announcementId, held_at AS heldAt, digest_key AS digestKey FROM digest_items WHERE subscription_id = ? AND announcement_id = ?",
      )
      .get(subscriptionId, announcementId);
  }

  /** Per subscription with items waiting: when its oldest waiting item was held (one query for the digest job's every tick). */
  oldestWaiting(): Map<number, string> {
    const rows = this.db
      .prepare<[], { id: number; heldAt: string }>("SELECT subscription_id AS id, min(held_at) AS heldAt FROM digest_items WHERE digest_key IS NULL GROUP BY subscription_id")
      .all();
    return new Map(rows.map((r) => [r.id, r.heldAt]));
  }

  /** Marks items as gone out in the digest (or delivery) with this key. */
  close(subscriptionId: number, announcementIds: number[], key: string): void {
    const update = this.db.prepare("UPDATE digest_items SET digest_key = ? WHERE subscription_id = ? AND announcement_id = ? AND digest_key IS NULL");
    for (const id of announcementIds) update.run(key, subscriptionId, id);
  }
}
