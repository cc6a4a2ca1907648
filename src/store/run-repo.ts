import type { Database } from "better-sqlite3";
import { z } from "zod";

export const SYNC_RESULTS = ["baseline", "changed", "unchanged", "not-modified", "rejected", "failed"] as const;

export const SyncRunSchema = z.object({
  source: z.string(),
  startedAt: z.string(),
  finishedAt: z.string(),
  result: z.enum(SYNC_RESULTS),
  detail: z.string().nullable(),
  added: z.number().int(),
  changed: z.number().int(),
  removed: z.number().int(),
});
export type SyncRun = z.infer<typeof SyncRunSchema>;

const COLUMNS = "source, started_at AS startedAt, finished_at AS finishedAt, result, detail, added, changed, removed";

/** A log of sync runs: what happened, when, for readiness and for people asking. */
export class RunRepo {
  constructor(private readonly db: Database) {}

  record(run: SyncRun): void {
    this.db
      .prepare("INSERT INTO sync_runs (source, started_at, finished_at, result, detail, added, changed, removed) VALUES (@source, @startedAt, @finishedAt, @result, @detail, @added, @changed, @removed)")
      .run(run);
  }

  last(source: string): SyncRun | undefined {
    const row = this.db.prepare(`SELECT ${COLUMNS} FROM sync_runs WHERE source = ? ORDER BY id DESC LIMIT 1`).get(source);
    return row === undefined ? undefined : SyncRunSchema.parse(row);
  }

  /** The last run that reached the source and read a list (or learnt it was unchanged). */
  lastSuccess(source: string): SyncRun | undefined {
    const row = this.db
      .prepare(`SELECT ${COLUMNS} FROM sync_runs WHERE source = ? AND result IN ('baseline', 'changed', 'unchanged', 'not-modified') ORDER BY id DESC LIMIT 1`)
      .get(source);
    return row === undefined ? undefined : SyncRunSchema.parse(row);
  }
}
