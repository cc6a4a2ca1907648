import type { Migration } from "./migration.js";

export const migration: Migration = {
  version: 9,
  name: "announcements per channel: cadence, thread and mention options; items held for a digest",
  up(db) {
    db.exec(`
      ALTER TABLE subscriptions ADD COLUMN delivery_json TEXT NOT NULL DEFAULT '{}';
      CREATE TABLE digest_items (
        subscription_id INTEGER NOT NULL REFERENCES subscriptions(id),
        announcement_id INTEGER NOT NULL REFERENCES announcements(id),
        held_at TEXT NOT NULL,
        digest_key TEXT,
        PRIMARY KEY (subscription_id, announcement_id)
      );
      CREATE INDEX digest_items_open ON digest_items (subscription_id, held_at) WHERE digest_key IS NULL;
    `);
  },
};
