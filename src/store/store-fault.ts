import BetterSqlite3 from "better-sqlite3";

/** SQLite result codes (extended codes share the prefix) that are the database's state, not a bug, in words an admin can act on. */
const FAULTS: Array<[prefix: string, what: string]> = [
  ["SQLITE_FULL", "the database is full (no space left where MSS_DB_PATH lives)"],
  ["SQLITE_BUSY", "the database is locked by another process (a second mss-bot on the same file?)"],
  ["SQLITE_LOCKED", "the database is locked by another process (a second mss-bot on the same file?)"],
  ["SQLITE_READONLY", "the database is read-only (check the permissions of MSS_DB_PATH and its folder)"],
  ["SQLITE_IOERR", "the database could not be written (a disk I/O error)"],
  ["SQLITE_CORRUPT", "the database file is damaged"],
  ["SQLITE_NOTADB", "the database file is damaged"],
];

/** What a store error means, when it is a fault of the database itself (full, locked, read-only, damaged); undefined for anything else. */
export function describeStoreFault(error: unknown): string | undefined {
  if (!(error instanceof BetterSqlite3.SqliteError)) return undefined;
  return FAULTS.find(([prefix]) => error.code.startsWith(prefix))?.[1];
}
