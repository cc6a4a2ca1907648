import type { StoredScholar } from "../store/scholar-repo.js";
import { ID_KEYS, RECORD_FIELDS, type PaperRecord, type PaperRecords } from "../papers/record.js";

/** One record over another: each field of `over` wins, with its origin; the rest comes from `under`. */
export function mergeRecord(under: PaperRecord, over: PaperRecord): PaperRecord {
  const merged: PaperRecord = { ...under, ids: { ...under.ids, ...over.ids }, origins: { ...under.origins }, fetchedAt: over.fetchedAt };
  // An identifier `over` gives replaces `under`'s, and so does its origin (none, when `over` names none).
  const idOrigins = { ...under.idOrigins };
  for (const key of ID_KEYS) {
    if (over.ids[key] === undefined) continue;
    const origin = over.idOrigins?.[key];
    if (origin) idOrigins[key] = origin;
    else delete idOrigins[key];
  }
  if (Object.keys(idOrigins).length > 0) merged.idOrigins = idOrigins;
  else delete merged.idOrigins;
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
 * admin pinned to none (`cleared`) shows none, though what is stored and
 * bundled for it is kept for when the pin goes; one we could not resolve keeps
 * the snapshot's. A "cleared" row (written by older versions) holds nothing.
 */
export function mergeRecords(snapshot: PaperRecords, stored: readonly StoredScholar[], cleared: ReadonlySet<string> = new Set()): PaperRecords {
  const merged = new Map(snapshot);
  for (const s of stored) {
    if (s.status === "cleared") merged.delete(s.paperId);
    else if (s.status === "resolved" && s.record) {
      const base = merged.get(s.paperId);
      merged.set(s.paperId, base ? mergeRecord(base, s.record) : s.record);
    }
  }
  for (const id of cleared) merged.delete(id);
  return merged;
}
