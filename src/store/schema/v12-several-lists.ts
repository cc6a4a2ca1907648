import type { Migration } from "./migration.js";

/**
 * Several lists (MSS_LISTS): an announcement names the list it is about, and a
 * channel remembers the papers announced to it as added, by identity (arXiv
 * id, DOI, folded title, folded name), so a second list adding the same paper
 * is not announced there again. Rows from before get the id of the one list
 * followed then, "mss". Snapshots, papers seen and sync runs stay keyed by
 * their source, as before: a list's source names its state.
 */
export const migration: Migration = {
  version: 12,
  name: "several lists: announcements name their list; papers announced per channel by identity",
  up(db) {
    db.exec(`
      ALTER TABLE announcements ADD COLUMN list_id TEXT;
      UPDATE announcements SET list_id = 'mss' WHERE source NOT IN ('reading', 'watch', 'thread', 'digest');
      CREATE TABLE announced_papers (
        platform TEXT NOT NULL,
        channel_id TEXT NOT NULL,
        paper_key TEXT NOT NULL,
        list_id TEXT NOT NULL,
        announcement_id INTEGER NOT NULL REFERENCES announcements(id),
        identity_json TEXT NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (platform, channel_id, paper_key, announcement_id)
      );
      INSERT OR IGNORE INTO announced_papers (platform, channel_id, paper_key, list_id, announcement_id, identity_json, created_at)
        SELECT o.platform, o.channel_id, 'name:' || a.paper_id, 'mss', a.id, json_object('id', a.paper_id), o.created_at
        FROM outbox o JOIN announcements a ON a.id = o.announcement_id
        WHERE a.kind = 'added' AND a.list_id = 'mss' AND a.paper_id IS NOT NULL;
    `);
  },
};
