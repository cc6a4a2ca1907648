import type { Migration } from "./migration.js";

export const migration: Migration = {
  version: 10,
  name: "personal watches (author, keyword, tag, venue) and the DMs they queued",
  up(db) {
    db.exec(`
      CREATE TABLE watches (
        id INTEGER PRIMARY KEY,
        platform TEXT NOT NULL,
        user_id TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('author', 'keyword', 'tag', 'venue')),
        value TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'failed', 'removed')),
        status_reason TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX watches_user ON watches (platform, user_id);
      CREATE TABLE watch_hits (
        watch_id INTEGER NOT NULL REFERENCES watches(id),
        paper_id TEXT NOT NULL,
        outbox_key TEXT NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (watch_id, paper_id)
      );
      CREATE INDEX watch_hits_key ON watch_hits (outbox_key);
    `);
  },
};
