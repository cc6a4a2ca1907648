import type { Migration } from "./migration.js";

export const migration: Migration = {
  version: 11,
  name: "reading group: RSVPs per session, polls on a week's paper and their votes",
  up(db) {
    db.exec(`
      CREATE TABLE reading_rsvps (
        session_date TEXT NOT NULL,
        platform TEXT NOT NULL,
        user_id TEXT NOT NULL,
        user_name TEXT NOT NULL,
        answer TEXT NOT NULL CHECK (answer IN ('going', 'not-going')),
        answered_at TEXT NOT NULL,
        PRIMARY KEY (session_date, platform, user_id)
      );
      CREATE TABLE reading_polls (
        session_date TEXT PRIMARY KEY,
        choices_json TEXT NOT NULL,
        closes_at TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('open', 'closed')),
        winner TEXT,
        opened_by TEXT NOT NULL,
        opened_at TEXT NOT NULL,
        closed_at TEXT
      );
      CREATE TABLE reading_votes (
        session_date TEXT NOT NULL REFERENCES reading_polls(session_date),
        platform TEXT NOT NULL,
        user_id TEXT NOT NULL,
        user_name TEXT NOT NULL,
        paper_id TEXT NOT NULL,
        voted_at TEXT NOT NULL,
        PRIMARY KEY (session_date, platform, user_id)
      );
    `);
  },
};
