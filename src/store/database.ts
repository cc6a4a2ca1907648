import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import BetterSqlite3, { type Database } from "better-sqlite3";
import { migrate } from "./migrations.js";
import { DatabaseOpenError, openFailureReason } from "./open-error.js";
import { lostStateReason, writeMarker } from "./state-marker.js";

export type { Database };

/**
 * Opens (creating its folder) and migrates the SQLite file; ":memory:" for
 * tests. WAL, so readers never block the writer. Any failure is a
 * DatabaseOpenError naming the file; an empty file where a previous run stored
 * state is refused (see state-marker.ts).
 */
export function openDatabase(path: string): Database {
  const onDisk = path !== ":memory:";
  if (onDisk) checkFolderAndFile(path);
  let db: Database | undefined;
  try {
    db = new BetterSqlite3(path);
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = NORMAL");
    db.pragma("foreign_keys = ON");
    db.pragma("busy_timeout = 5000");
    assertIntact(db);
    migrate(db);
    if (onDisk) writeMarker(path);
    return db;
  } catch (error) {
    db?.close();
    throw new DatabaseOpenError(path, openFailureReason(error));
  }
}

function checkFolderAndFile(path: string): void {
  const folder = dirname(path);
  try {
    mkdirSync(folder, { recursive: true });
  } catch (error) {
    throw new DatabaseOpenError(path, `cannot create the folder ${folder}: ${openFailureReason(error)}`);
  }
  const lost = lostStateReason(path);
  if (lost) throw new DatabaseOpenError(path, lost);
}

/** A damaged file is found at start-up, with its path in the message, not by the first query that reads the bad page. */
function assertIntact(db: Database): void {
  const check = String(db.pragma("quick_check", { simple: true }));
  if (check !== "ok") throw Object.assign(new Error(check.split("\n").slice(0, 3).join("; ")), { code: "SQLITE_CORRUPT" });
}
