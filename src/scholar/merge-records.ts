import type { StoredScholar } from "../store/scholar-repo.js";
import { RECORD_FIELDS, type PaperRecord, type PaperRecords } from "../papers/record.js";

/** One record over another: each field of `over` wins, with its origin; the rest comes from `under`. */
export function mergeRecord(under: PaperRecord, over: PaperRecord): PaperRecord {
  const merged: PaperRecord = { ...under, ids: { ...under.ids, ...over.ids }, origins: { ...under.origins }, fetchedAt: over.fetchedAt };
  for (const field of RECORD_FIELDS) {
    if (over[field] === undefined) continue;
    (merged as Record<string, unknown>)[field] = over[field];
    const origin = over.origins[field];
    if (origin) merged.origins[field] = origin;
    else delete merged.origins[field];
  }
  return merged;
}

/**
 * What the catalog shows: stored records over the bundled snapshot. A paper an
 * admin cleared shows none; one we could not resolve keeps the snapshot's.
 */
export function mergeRecords(snapshot: PaperRecords, stored: readonly StoredScholar[]): PaperRecords {
  const merged = new Map(snapshot);
  for (const s of stored) {
    if (s.status === "cleared") merged.delete(s.paperId);
    else if (s.status === "resolved" && s.record) {
      const base = merged.get(s.paperId);
      merged.set(s.paperId, base ? mergeRecord(base, s.record) : s.record);
    }
  }
  return merged;
}
