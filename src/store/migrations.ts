import type { Database } from "better-sqlite3";

export interface Migration {
  version: number;
  name: string;
  up(db: Database): void;
}

/** The schema, as an append-only list: a released migration is never edited, a change is a new one. */
export const MIGRATIONS: readonly Migration[] = [
  {
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
  },
  {
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
  },
  {
    version: 3,
    name: "outbox: rows the platform refused (re-queued when a paused channel resumes), an index of each channel's open rows",
    up(db) {
      db.exec(`
        ALTER TABLE outbox ADD COLUMN refused INTEGER NOT NULL DEFAULT 0;
        UPDATE outbox SET refused = 1 WHERE status = 'failed' AND last_error NOT LIKE 'gave up after %'
          AND last_error NOT IN ('the announcement is missing from the store', 'the channel unsubscribed before delivery');
        CREATE INDEX outbox_open ON outbox (platform, channel_id, id) WHERE status IN ('pending', 'sending');
      `);
    },
  },
  {
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
  },
  {
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
  },
  {
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
  },
];

/**
 * Brings a database to the newest schema in one immediate transaction that
 * re-reads the version once it holds the write lock: of two processes starting
 * at once on a fresh file, the second waits (busy_timeout) and then finds
 * nothing left to do. Refuses a database newer than this code.
 */
export function migrate(db: Database, migrations: readonly Migration[] = MIGRATIONS): number {
  const newest = migrations.at(-1)?.version ?? 0;
  const version = () => db.pragma("user_version", { simple: true }) as number;
  const check = (current: number) => {
    if (current > newest) throw new Error(`the database is at schema ${current}, newer than this mss-bot (${newest}); upgrade the bot`);
    return current;
  };
  // Up to date (the usual start): no write lock taken.
  if (check(version()) === newest) return newest;
  db.transaction(() => {
    const current = check(version());
    for (const migration of migrations) {
      if (migration.version <= current) continue;
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    }
  }).immediate();
  return newest;
}
