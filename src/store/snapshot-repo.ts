import type { Database } from "better-sqlite3";
import { z } from "zod";

export const SnapshotSchema = z.object({
  source: z.string(),
  content: z.string(),
  hash: z.string(),
  etag: z.string().nullable(),
  lastModified: z.string().nullable(),
  papers: z.number().int(),
  fetchedAt: z.string(),
  changedAt: z.string(),
});
export type Snapshot = z.infer<typeof SnapshotSchema>;

/** The last good version of each source's list, with the validators for the next conditional GET. */
export class SnapshotRepo {
  constructor(private readonly db: Database) {}

  get(source: string): Snapshot | undefined {
    const row = this.db
      .prepare("SELECT source, content, hash, etag, last_modified AS lastModified, papers, fetched_at AS fetchedAt, changed_at AS changedAt FROM snapshots WHERE source = ?")
      .get(source);
    return row === undefined ? undefined : SnapshotSchema.parse(row);
  }

  save(s: Snapshot): void {
    this.db
      .prepare(
        `INSERT INTO snapshots (source, content, hash, etag, last_modified, papers, fetched_at, changed_at)
         VALUES (@source, @content, @hash, @etag, @lastModified, @papers, @fetchedAt, @changedAt)
         ON CONFLICT (source) DO UPDATE SET content = excluded.content, hash = excluded.hash, etag = excluded.etag,
           last_modified = excluded.last_modified, papers = excluded.papers, fetched_at = excluded.fetched_at, changed_at = excluded.changed_at`,
      )
      .run(s);
  }

  /** Records a fetch that brought nothing new (304 or the same content), keeping fresher validators. */
  touch(source: string, fetchedAt: string, etag: string | null, lastModified: string | null): void {
    this.db
      .prepare("UPDATE snapshots SET fetched_at = ?, etag = coalesce(?, etag), last_modified = coalesce(?, last_modified) WHERE source = ?")
      .run(fetchedAt, etag, lastModified, source);
  }
}
