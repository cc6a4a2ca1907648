import type { Migration } from "./migration.js";

export const migration: Migration = {
  version: 1,
  name: "snapshots, papers seen, subscriptions, announcements, outbox, settings, sync runs",
  up(db) {
    db.exec(`
      CREATE TABLE snapshots (
        source TEXT PRIMARY KEY,
        content TEXT NOT NULL,
        hash TEXT NOT NULL,
        etag TEXT,
        last_modified TEXT,
        papers INTEGER NOT NULL,
        fetched_at TEXT NOT NULL,
        changed_at TEXT NOT NULL
      );
      CREATE TABLE papers_seen (
        source TEXT NOT NULL,
        paper_id TEXT NOT NULL,
        name TEXT NOT NULL,
        first_seen_at TEXT NOT NULL,
        in_baseline INTEGER NOT NULL,
        PRIMARY KEY (source, paper_id)
      );
      CREATE TABLE subscriptions (
        id INTEGER PRIMARY KEY,
        platform TEXT NOT NULL,
        channel_id TEXT NOT NULL,
        filter_json TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('active', 'paused', 'off')),
        status_reason TEXT,
        permanent_failures INTEGER NOT NULL DEFAULT 0,
        created_by TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (platform, channel_id)
      );
      CREATE TABLE announcements (
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL UNIQUE,
        source TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('added', 'changed', 'digest', 'session')),
        paper_id TEXT,
        reply_json TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE INDEX announcements_paper ON announcements (source, paper_id);
      CREATE TABLE outbox (
        id INTEGER PRIMARY KEY,
        announcement_id INTEGER NOT NULL REFERENCES announcements(id),
        platform TEXT NOT NULL,
        channel_id TEXT NOT NULL,
        key TEXT NOT NULL UNIQUE,
        status TEXT NOT NULL CHECK (status IN ('pending', 'sending', 'sent', 'failed')),
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TEXT NOT NULL,
        lease_until TEXT,
        last_error TEXT,
        message_id TEXT,
        created_at TEXT NOT NULL,
        sent_at TEXT
      );
      CREATE INDEX outbox_due ON outbox (status, next_attempt_at);
      CREATE INDEX outbox_channel ON outbox (platform, channel_id);
      CREATE TABLE delivery_attempts (
        id INTEGER PRIMARY KEY,
        outbox_id INTEGER NOT NULL REFERENCES outbox(id),
        at TEXT NOT NULL,
        outcome TEXT NOT NULL CHECK (outcome IN ('sent', 'transient', 'permanent', 'unavailable')),
        detail TEXT
      );
      CREATE TABLE skipped_deliveries (
        announcement_id INTEGER NOT NULL REFERENCES announcements(id),
        platform TEXT NOT NULL,
        channel_id TEXT NOT NULL,
        reason TEXT NOT NULL,
        PRIMARY KEY (announcement_id, platform, channel_id)
      );
      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE sync_runs (
        id INTEGER PRIMARY KEY,
        source TEXT NOT NULL,
        started_at TEXT NOT NULL,
        finished_at TEXT NOT NULL,
        result TEXT NOT NULL,
        detail TEXT,
        added INTEGER NOT NULL DEFAULT 0,
        changed INTEGER NOT NULL DEFAULT 0,
        removed INTEGER NOT NULL DEFAULT 0
      );
    `);
  },
};
