import { existsSync } from "node:fs";
import type { Logger } from "../log.js";
import { NO_RECORDS, type PaperRecords } from "../papers/record.js";
import { readRecordSnapshot } from "./snapshot.js";

/** The bundled metadata snapshot, or none when the file is missing or does not validate (logged, never fatal). */
export function loadBundledRecords(path: string, log: Logger): PaperRecords {
  if (!existsSync(path)) return NO_RECORDS;
  try {
    return readRecordSnapshot(path);
  } catch (error) {
    log.warn({ err: error, path }, "the bundled metadata snapshot does not validate; starting without it");
    return NO_RECORDS;
  }
}
