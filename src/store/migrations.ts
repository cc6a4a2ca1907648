import type { Database } from "better-sqlite3";
import type { Migration } from "./schema/migration.js";
import { migration as v1 } from "./schema/v1-snapshots-outbox.js";
import { migration as v2 } from "./schema/v2-reading-group.js";
import { migration as v3 } from "./schema/v3-outbox-refused.js";
import { migration as v6 } from "./schema/v6-scholar-records.js";
import { migration as v7 } from "./schema/v7-reading-slides.js";
import { migration as v8 } from "./schema/v8-outbox-targets.js";
import { migration as v9 } from "./schema/v9-delivery-modes.js";
import { migration as v10 } from "./schema/v10-watches.js";
import { migration as v11 } from "./schema/v11-reading-rsvp-vote.js";
import { migration as v12 } from "./schema/v12-several-lists.js";

export type { Migration };

/** The schema, as an append-only list (one file per version in ./schema): a released migration is never edited, a change is a new one. */
export const MIGRATIONS: readonly Migration[] = [v1, v2, v3, v6, v7, v8, v9, v10, v11, v12];

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
