import { readFileSync } from "node:fs";
import { z } from "zod";
import { PaperRecordSchema, type PaperRecords } from "./record.js";

/** The bundled snapshot's format: records by paper id. */
export const RecordSnapshotSchema = z.record(z.string().min(1).max(200), PaperRecordSchema);

/** Reads a metadata snapshot file ({paperId: PaperRecord}); throws with the reason when it does not validate. */
export function readRecordSnapshot(path: string): PaperRecords {
  return new Map(Object.entries(RecordSnapshotSchema.parse(JSON.parse(readFileSync(path, "utf8")))));
}
