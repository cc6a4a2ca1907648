import { existsSync, statSync, writeFileSync } from "node:fs";
import { basename } from "node:path";

/**
 * A file beside the database (`<file>.stored`) written once a start has
 * opened and migrated it: proof that a previous run stored state at this path.
 * SQLite never leaves a database it wrote to at zero bytes (switching to WAL
 * already writes the first page), so an empty file beside this marker means
 * the state was lost (a truncated file, a botched copy or restore), not that
 * this is a fresh install.
 */
export const markerPath = (dbPath: string): string => `${dbPath}.stored`;

/** Why a zero-length database must not be taken as new, or null when it may be. */
export function lostStateReason(dbPath: string): string | null {
  if (!existsSync(dbPath) || statSync(dbPath).size > 0 || !existsSync(markerPath(dbPath))) return null;
  const wal = `${dbPath}-wal`;
  if (existsSync(wal) && statSync(wal).size > 0) return null;
  return `the file is empty, but a previous run stored state in it (${markerPath(dbPath)} says so); restore it from a backup, or delete both files to start afresh`;
}

export function writeMarker(dbPath: string, now: Date = new Date()): void {
  if (existsSync(markerPath(dbPath))) return;
  writeFileSync(
    markerPath(dbPath),
    `mss-bot stored its state in ${basename(dbPath)} (first at ${now.toISOString()}).\n` +
      `While this file exists, an empty ${basename(dbPath)} is refused at start-up instead of being taken as a fresh install.\n` +
      `To start afresh on purpose, delete both files.\n`,
  );
}
