import type { Database } from "better-sqlite3";
import type { SettingsStore } from "../ports.js";

/** The settings table: small named values that must survive restarts. */
export class SqliteSettings implements SettingsStore {
  private readonly select;
  private readonly upsert;

  constructor(db: Database, private readonly now: () => Date = () => new Date()) {
    this.select = db.prepare<[string], { value: string }>("SELECT value FROM settings WHERE key = ?");
    this.upsert = db.prepare("INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at");
  }

  get(key: string): string | undefined {
    return this.select.get(key)?.value;
  }

  set(key: string, value: string): void {
    this.upsert.run(key, value, this.now().toISOString());
  }
}
