import type { Migration } from "./migration.js";

export const migration: Migration = {
  version: 2,
  name: "reading group: members, chat links, sessions held, overrides, papers presented, group queue",
  up(db) {
    db.exec(`
      CREATE TABLE reading_members (
        key TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        joined INTEGER NOT NULL DEFAULT 0,
        status TEXT NOT NULL CHECK (status IN ('active', 'left', 'removed')),
        turn INTEGER NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE reading_links (
        member_key TEXT NOT NULL,
        platform TEXT NOT NULL,
        user_id TEXT NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (member_key, platform),
        UNIQUE (platform, user_id)
      );
      CREATE TABLE reading_sessions (
        session_date TEXT PRIMARY KEY,
        starts_at TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('held', 'skipped')),
        presenter_key TEXT,
        paper_id TEXT,
        paper_name TEXT,
        outcome TEXT NOT NULL CHECK (outcome IN ('pending', 'presented', 'not-presented', 'none')),
        reply_json TEXT NOT NULL,
        committed_at TEXT NOT NULL
      );
      CREATE TABLE reading_overrides (
        session_date TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('skip', 'absent', 'assign')),
        member_key TEXT NOT NULL DEFAULT '',
        paper_id TEXT,
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (session_date, kind, member_key)
      );
      CREATE TABLE reading_presented (
        paper_id TEXT PRIMARY KEY,
        paper_name TEXT NOT NULL,
        session_date TEXT,
        marked_by TEXT NOT NULL,
        marked_at TEXT NOT NULL
      );
      CREATE TABLE reading_queue (
        id INTEGER PRIMARY KEY,
        paper_id TEXT NOT NULL UNIQUE,
        paper_name TEXT NOT NULL,
        added_by TEXT NOT NULL,
        added_at TEXT NOT NULL
      );
    `);
  },
};
