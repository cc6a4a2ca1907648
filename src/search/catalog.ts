import type { PaperList } from "../papers/index.js";
import { NO_RECORDS, type PaperRecords } from "../papers/record.js";
import { PaperIndex } from "./paper-index.js";

export interface CatalogVersion {
  list: PaperList;
  /** Scholarly records of the list's papers, by paper id (see src/scholar). */
  records: PaperRecords;
  index: PaperIndex;
  /** sha256 of the markdown the list was parsed from. */
  hash: string;
  loadedAt: Date;
}

/**
 * The list version every command answers from. A sync swaps in a new version;
 * its index is built once, at the swap (or when the records change), never per request.
 */
export class Catalog {
  private version: CatalogVersion;

  constructor(list: PaperList, hash: string, now: Date = new Date(), records: PaperRecords = NO_RECORDS) {
    this.version = { list, records, index: new PaperIndex(list, records), hash, loadedAt: now };
  }

  get current(): CatalogVersion {
    return this.version;
  }

  get index(): PaperIndex {
    return this.version.index;
  }

  get list(): PaperList {
    return this.version.list;
  }

  get records(): PaperRecords {
    return this.version.records;
  }

  /** Swaps in a new list version; a version with the same hash is kept as is. Records stay. */
  replace(list: PaperList, hash: string, now: Date = new Date()): boolean {
    if (hash === this.version.hash) return false;
    this.version = { list, records: this.version.records, index: new PaperIndex(list, this.version.records), hash, loadedAt: now };
    return true;
  }

  /** Swaps in new records for the same list (after enrichment); the index is rebuilt once. */
  replaceRecords(records: PaperRecords): void {
    const { list } = this.version;
    this.version = { ...this.version, records, index: new PaperIndex(list, records) };
  }
}
