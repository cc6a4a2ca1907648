import Fuse from "fuse.js";
import type { Paper } from "../src/papers/index.js";

/** What a bot without an index does: fuse.js with its default options over every paper. */
export interface BaselineRecord {
  id: string;
  name: string;
  venue: string;
  reporter: string;
}

export function baselineRecords(papers: Paper[]): BaselineRecord[] {
  return papers.map((p) => ({ id: p.id, name: p.name, venue: p.venue ?? "", reporter: p.reporters.join(", ") }));
}

export function buildBaseline(papers: Paper[]): Fuse<BaselineRecord> {
  return new Fuse(baselineRecords(papers), { keys: ["name", "venue", "reporter"] });
}

/** The baseline's first answer, or null when it finds nothing. */
export function baselineFirst(fuse: Fuse<BaselineRecord>, query: string): string | null {
  return fuse.search(query, { limit: 1 })[0]?.item.id ?? null;
}
