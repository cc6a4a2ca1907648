import type { Database } from "better-sqlite3";
import type { Paper } from "../papers/index.js";

export interface SeenPaper {
  paperId: string;
  name: string;
  firstSeenAt: string;
  inBaseline: boolean;
}

/**
 * Every paper a source has ever listed, and when it was first seen. A paper
 * that disappears and comes back is not new: it is never announced twice.
 */
export class SeenRepo {
  constructor(private readonly db: Database) {}

  get(source: string, paperId: string): SeenPaper | undefined {
    const row = this.db
      .prepare<[string, string], { paperId: string; name: string; firstSeenAt: string; inBaseline: number }>(
        "SELECT paper_id AS paperId, name, first_seen_at AS firstSeenAt, in_baseline AS inBaseline FROM papers_seen WHERE source = ? AND paper_id = ?",
      )
      .get(source, paperId);
    return row && { ...row, inBaseline: row.inBaseline === 1 };
  }

  /** The ids among `ids` that this source has listed before. */
  known(source: string, ids: string[]): Set<string> {
    const select = this.db.prepare<[string, string], { paper_id: string }>("SELECT paper_id FROM papers_seen WHERE source = ? AND paper_id = ?");
    return new Set(ids.filter((id) => select.get(source, id) !== undefined));
  }

  add(source: string, papers: Paper[], at: string, inBaseline: boolean): void {
    const insert = this.db.prepare("INSERT OR IGNORE INTO papers_seen (source, paper_id, name, first_seen_at, in_baseline) VALUES (?, ?, ?, ?, ?)");
    for (const p of papers) insert.run(source, p.id, p.name, at, inBaseline ? 1 : 0);
  }
}
