import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/store/database.js";
import { DatabaseOpenError } from "../../src/store/open-error.js";
import { markerPath } from "../../src/store/state-marker.js";
import { runNode } from "../helpers/spawn.js";

let dir: string;
let dbPath: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "mss-open-"));
  dbPath = join(dir, "mss-bot.db");
});
afterEach(() => {
  chmodSync(dir, 0o700);
  rmSync(dir, { recursive: true, force: true });
});

/** A database a previous run stored state in (a subscription), closed cleanly. */
function storedBefore(): void {
  const db = openDatabase(dbPath);
  db.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('probe', 'kept', '2026-11-29T00:00:00Z')").run();
  db.close();
}

/** The real start (`npm start`) on this database: the console on empty input. */
const start = (user?: { uid: number; gid: number }) => runNode("bin/start.js", [], { env: { MSS_DB_PATH: dbPath }, input: "", ...(user ? { user } : {}) });

const failedToOpen = (reason: RegExp) => new RegExp(`^mss-bot failed to start: cannot open the database at ${dbPath.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} \\(MSS_DB_PATH\\): ${reason.source}`, "m");

describe("start-up state errors name the file", () => {
  it("refuses a corrupt file, naming it, and leaves it as it was", async () => {
    writeFileSync(dbPath, "PK\u0003\u0004 not a database, a zip someone copied here ".repeat(100));
    const before = readFileSync(dbPath);
    const { code, stderr } = await start();
    expect(code).toBe(1);
    expect(stderr).toMatch(failedToOpen(/the file is not a SQLite database \(corrupt, or another kind of file at this path\); restore it from a backup \(SQLITE_NOTADB/));
    expect(readFileSync(dbPath)).toEqual(before);
  });

  it("finds damaged pages at start-up rather than at the first query", () => {
    storedBefore();
    const bytes = readFileSync(dbPath);
    bytes.fill(0x41, 4096, 4096 * 8);
    writeFileSync(dbPath, bytes);
    expect(() => openDatabase(dbPath)).toThrow(/^cannot open the database at .*mss-bot\.db \(MSS_DB_PATH\): the database file is corrupt; restore it from a backup \(SQLITE_CORRUPT/);
  });

  it("refuses a read-only database, naming it", async () => {
    storedBefore();
    chmodSync(dbPath, 0o444);
    chmodSync(dir, 0o555);
    // Root writes through file modes: run the start as an unprivileged user, as a read-only volume would have it.
    const user = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : undefined;
    const { code, stderr } = await start(user);
    expect(code).toBe(1);
    expect(stderr).toMatch(failedToOpen(/the file or its folder is read-only \(a read-only volume, or owned by another user\?\) \(SQLITE_READONLY/));
  });

  it("says which folder it cannot create", async () => {
    writeFileSync(join(dir, "volume"), "a file where a folder should be");
    dbPath = join(dir, "volume", "state", "mss-bot.db");
    const { code, stderr } = await start();
    expect(code).toBe(1);
    expect(stderr).toMatch(failedToOpen(new RegExp(`cannot create the folder ${join(dir, "volume", "state")}: ENOTDIR`)));
  });

  it("refuses an empty file where a previous run stored state, instead of starting afresh", async () => {
    storedBefore();
    truncateSync(dbPath, 0);
    const { code, stderr } = await start();
    expect(code).toBe(1);
    expect(stderr).toMatch(failedToOpen(/the file is empty, but a previous run stored state in it \(.*mss-bot\.db\.stored says so\); restore it from a backup, or delete both files to start afresh/));
    expect(readFileSync(dbPath)).toHaveLength(0);
  });

  it("takes a genuinely new empty file as a fresh install and marks it", () => {
    writeFileSync(dbPath, "");
    expect(existsSync(markerPath(dbPath))).toBe(false);
    const db = openDatabase(dbPath);
    expect(db.prepare("SELECT count(*) AS n FROM settings").get()).toEqual({ n: 0 });
    db.close();
    expect(readFileSync(markerPath(dbPath), "utf8")).toContain("an empty mss-bot.db is refused at start-up");
    // The state survives a reopen; deleting both files starts afresh.
    expect(() => openDatabase(dbPath).close()).not.toThrow();
    rmSync(dbPath);
    rmSync(markerPath(dbPath));
    expect(() => openDatabase(dbPath).close()).not.toThrow();
  });

  it("throws a DatabaseOpenError with the path and the reason", () => {
    writeFileSync(dbPath, "not sqlite");
    let caught: unknown;
    try {
      openDatabase(dbPath);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DatabaseOpenError);
    expect(caught).toMatchObject({ path: dbPath, reason: expect.stringContaining("SQLITE_NOTADB") });
  });
});
