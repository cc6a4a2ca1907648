import { RecordSnapshotSchema } from "./snapshot.js";
import type { PaperRecords } from "./record.js";

/** The snapshot file's text for some records: keys sorted, each record validated, every origin kept. */
export function recordSnapshotText(records: PaperRecords): string {
  const sorted = Object.fromEntries([...records.entries()].sort(([a], [b]) => a.localeCompare(b)));
  return `${JSON.stringify(RecordSnapshotSchema.parse(sorted), null, 2)}\n`;
}
