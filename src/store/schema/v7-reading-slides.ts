import type { Migration } from "./migration.js";

export const migration: Migration = {
  version: 7,
  name: "reading group: slides and notes attached to a session",
  up(db) {
    db.exec(`
      CREATE TABLE reading_slides (
        session_date TEXT PRIMARY KEY,
        url TEXT NOT NULL,
        added_by TEXT NOT NULL,
        added_at TEXT NOT NULL
      );
    `);
  },
};
