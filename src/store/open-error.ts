/** The state file could not be opened; the message names the file and the variable that chose it. */
export class DatabaseOpenError extends Error {
  override name = "DatabaseOpenError";
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`cannot open the database at ${path} (MSS_DB_PATH): ${reason}`);
  }
}

const SQLITE_REASONS: Array<[RegExp, string]> = [
  [/^SQLITE_READONLY/, "the file or its folder is read-only (a read-only volume, or owned by another user?)"],
  [/^SQLITE_CANTOPEN/, "SQLite cannot open or create the file (check that the folder exists and is writable)"],
  [/^SQLITE_NOTADB/, "the file is not a SQLite database (corrupt, or another kind of file at this path); restore it from a backup"],
  [/^SQLITE_CORRUPT/, "the database file is corrupt; restore it from a backup"],
  [/^SQLITE_FULL/, "the disk is full"],
  [/^SQLITE_IOERR/, "the disk failed to read or write the file"],
  [/^SQLITE_PERM|^SQLITE_AUTH/, "permission denied"],
];

/** A reason an operator can act on, from an SQLite or file-system error, with the original code. */
export function openFailureReason(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  if (typeof code !== "string") return message;
  const known = SQLITE_REASONS.find(([pattern]) => pattern.test(code))?.[1];
  if (known) return `${known} (${code}: ${message})`;
  return message.includes(code) ? message : `${message} (${code})`;
}
