import type { PaperList } from "../papers/index.js";
import { PaperIndex } from "./paper-index.js";

export interface CatalogVersion {
  list: PaperList;
  index: PaperIndex;
  /** sha256 of the markdown the list was parsed from. */
  hash: string;
  loadedAt: Date;
}

/**
 * The list version every command answers from. A sync swaps in a new version;
 * its index is built once, at the swap, never per request.
 */
export class Catalog {
  private version: CatalogVersion;

  constructor(list: PaperList, hash: string, now: Date = new Date()) {
    this.version = { list, index: new PaperIndex(list), hash, loadedAt: now };
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

  /** Swaps in a new list version; a version with the same hash is kept as is. */
  replace(list: PaperList, hash: string, now: Date = new Date()): boolean {
    if (hash === this.version.hash) return false;
    this.version = { list, index: new PaperIndex(list), hash, loadedAt: now };
    return true;
  }
}
