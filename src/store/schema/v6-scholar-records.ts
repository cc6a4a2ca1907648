import type { Migration } from "./migration.js";

export const migration: Migration = {
  version: 6,
  name: "scholarly records: per paper the record and its origins, admins' pins, the enrichment queue",
  up(db) {
    db.exec(`
      CREATE TABLE scholar_records (
        paper_id TEXT PRIMARY KEY,
        status TEXT NOT NULL CHECK (status IN ('resolved', 'unresolved', 'cleared')),
        reason TEXT,
        via TEXT,
        record_json TEXT,
        paper_link TEXT,
        fetched_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE scholar_pins (
        paper_id TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('arxiv', 'doi', 'dblp', 'none')),
        value TEXT,
        pinned_by TEXT NOT NULL,
        pinned_at TEXT NOT NULL
      );
      CREATE TABLE scholar_queue (
        paper_id TEXT PRIMARY KEY,
        reason TEXT NOT NULL,
        state_json TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TEXT NOT NULL,
        last_error TEXT,
        enqueued_at TEXT NOT NULL
      );
      CREATE INDEX scholar_queue_due ON scholar_queue (next_attempt_at);
    `);
  },
};
