import type { Migration } from "./migration.js";

export const migration: Migration = {
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
};
