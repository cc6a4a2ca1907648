import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { z } from "zod";
import { foldKey } from "../papers/index.js";
import { packageRoot } from "../paths.js";
import { ID_KEYS, PaperRecordSchema, RECORD_FIELDS, type FieldOrigin, type PaperRecord, type PaperRecords } from "../papers/record.js";

/**
 * The record snapshot: `{ "version": 1, "records": { "<paperId>": PaperRecord } }`.
 * The bundled one (data/paper-records.json) holds only fields checked against a
 * public source, each with the URL it was read at, so cards show them offline.
 */

/** The bundled snapshot, relative to the package root (beside data/papers.md). */
export const BUNDLED_RECORDS = "data/paper-records.json";

/** The bundled snapshot's absolute path, from source (src/) or compiled (dist/src/) code alike. */
export const bundledRecordsPath = (): string => resolve(packageRoot(), BUNDLED_RECORDS);

/**
 * No identifier origin without its identifier. The bundled file names one for
 * every identifier (its test checks that); a snapshot written from fetched
 * records may lack some, as records fetched at run time do not carry them.
 */
const SnapshotRecordSchema = PaperRecordSchema.superRefine((record, ctx) => {
  for (const key of ID_KEYS) {
    if (record.ids[key] === undefined && record.idOrigins?.[key]) ctx.addIssue({ code: "custom", path: ["idOrigins", key], message: `an origin for ids.${key}, which the record does not hold` });
  }
});

const RecordSnapshotSchema = z.strictObject({
  version: z.literal(1),
  records: z.record(z.string().min(1).max(200), SnapshotRecordSchema),
});

/** A snapshot file that exists but cannot be used; the message names the file. */
export class RecordSnapshotError extends Error {
  override name = "RecordSnapshotError";
}

const isMissing = (error: unknown): boolean => (error as NodeJS.ErrnoException | null)?.code === "ENOENT";

/** Reads a snapshot; a missing file is an empty map, anything else unusable throws RecordSnapshotError. */
export function readRecordSnapshot(path: string): PaperRecords {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    if (isMissing(error)) return new Map();
    throw new RecordSnapshotError(`${path}: cannot be read (${(error as Error).message})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new RecordSnapshotError(`${path}: not JSON (${(error as Error).message})`);
  }
  const parsed = RecordSnapshotSchema.safeParse(json);
  if (!parsed.success) throw new RecordSnapshotError(`${path}: not a record snapshot:\n${z.prettifyError(parsed.error)}`);
  // Keys are paper ids, the list's folded names; any other key would never meet its paper.
  const stranger = Object.keys(parsed.data.records).find((id) => foldKey(id) !== id);
  if (stranger !== undefined) throw new RecordSnapshotError(`${path}: "${stranger}" is not a paper id (ids are folded names, e.g. "${foldKey(stranger)}")`);
  return new Map(Object.entries(parsed.data.records));
}

/** The record with its keys in one fixed order, so a rewritten file diffs only where facts changed. */
function ordered(record: PaperRecord): PaperRecord {
  const out: Record<string, unknown> = {};
  for (const field of RECORD_FIELDS) if (record[field] !== undefined) out[field] = record[field];
  const ids: Record<string, string> = {};
  for (const key of ID_KEYS) if (record.ids[key] !== undefined) ids[key] = record.ids[key];
  out.ids = ids;
  const idOrigins: Record<string, FieldOrigin> = {};
  for (const key of ID_KEYS) {
    const origin = record.idOrigins?.[key];
    if (origin) idOrigins[key] = { source: origin.source, url: origin.url };
  }
  if (Object.keys(idOrigins).length > 0) out.idOrigins = idOrigins;
  const origins: Record<string, FieldOrigin> = {};
  for (const field of RECORD_FIELDS) {
    const origin = record.origins[field];
    if (origin) origins[field] = { source: origin.source, url: origin.url };
  }
  out.origins = origins;
  out.fetchedAt = record.fetchedAt;
  return out as PaperRecord;
}

/** The snapshot's text: papers by id, fields in model order, 2-space JSON, trailing newline. */
export function formatRecordSnapshot(records: PaperRecords): string {
  const byId: Record<string, PaperRecord> = {};
  for (const id of [...records.keys()].sort()) byId[id] = ordered(records.get(id)!);
  return JSON.stringify({ version: 1, records: byId }, null, 2) + "\n";
}

/** Writes a snapshot, refusing an invalid record (via a temporary file and a rename, so a reader never sees half a file). */
export function writeRecordSnapshot(path: string, records: PaperRecords): void {
  for (const [id, record] of records) {
    const checked = SnapshotRecordSchema.safeParse(record);
    if (!checked.success) throw new RecordSnapshotError(`${path}: record ${id} is not a paper record:\n${z.prettifyError(checked.error)}`);
  }
  const text = formatRecordSnapshot(records);
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, text, "utf8");
  renameSync(temporary, path);
}
