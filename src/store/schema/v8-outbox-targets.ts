import type { Migration } from "./migration.js";

export const migration: Migration = {
  version: 8,
  name: "reading group's week: delivery targets (DM, thread post, edit)",
  up(db) {
    db.exec(`
      CREATE TABLE outbox_targets (
        outbox_id INTEGER PRIMARY KEY REFERENCES outbox(id),
        kind TEXT NOT NULL CHECK (kind IN ('dm', 'thread', 'edit')),
        parent_key TEXT,
        detail TEXT
      );
    `);
  },
};
