import { createHash } from "node:crypto";
import { mergeLists, type MergedLists, type PaperOrigin } from "../papers/merge-lists.js";
import { DEFAULT_LIST_ID, type ListId, type PaperList } from "../papers/index.js";
import { NO_RECORDS, type PaperRecords } from "../papers/record.js";
import { PaperIndex } from "./paper-index.js";

/** One followed list as last read: what its sync diffs against. */
export interface ListVersion {
  id: ListId;
  list: PaperList;
  /** sha256 of the markdown the list was parsed from ("" for a list not read yet). */
  hash: string;
  loadedAt: Date;
}

export interface CatalogVersion {
  /** Every followed list merged into one (see mergeLists): what commands answer from. */
  list: PaperList;
  /** Scholarly records of the list's papers, by paper id (see src/scholar). */
  records: PaperRecords;
  index: PaperIndex;
  /** The one list's hash, or a hash of every list's hash when several are followed. */
  hash: string;
  loadedAt: Date;
  /** Each followed list, in MSS_LISTS order. */
  lists: readonly ListVersion[];
  /** Merged paper id → the lists' own papers it unites. */
  origins: ReadonlyMap<string, readonly PaperOrigin[]>;
}

const NO_ORIGINS: readonly PaperOrigin[] = [];

function combinedHash(lists: readonly ListVersion[]): string {
  if (lists.length === 1) return (lists[0] as ListVersion).hash;
  return createHash("sha256").update(lists.map((l) => `${l.id}=${l.hash}`).join("\n")).digest("hex");
}

function build(lists: readonly ListVersion[], records: PaperRecords, loadedAt: Date, merged: MergedLists = mergeLists(lists)): CatalogVersion {
  const { list, origins } = merged;
  return { list, records, index: new PaperIndex(list, records), hash: combinedHash(lists), loadedAt, lists, origins };
}

/**
 * The list version every command answers from: the followed lists, merged.
 * A sync swaps in a new version of one list; the index is built once, at the
 * swap (or when the records change), never per request.
 */
export class Catalog {
  private version: CatalogVersion;

  /** One list, followed under the default id. */
  constructor(list: PaperList, hash: string, now: Date = new Date(), records: PaperRecords = NO_RECORDS) {
    this.version = build([{ id: DEFAULT_LIST_ID, list, hash, loadedAt: now }], records, now);
  }

  /** Several lists, in the order MSS_LISTS names them (at least one). */
  static ofLists(lists: readonly ListVersion[], records: PaperRecords = NO_RECORDS, now: Date = new Date()): Catalog {
    if (lists.length === 0) throw new Error("a catalog needs at least one list");
    const catalog = new Catalog((lists[0] as ListVersion).list, (lists[0] as ListVersion).hash, now, records);
    catalog.version = build(lists, records, now);
    return catalog;
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

  /** The followed lists' ids, in order. */
  get listIds(): ListId[] {
    return this.version.lists.map((l) => l.id);
  }

  /** One followed list as last read; undefined for an id not followed. */
  listVersion(id: ListId): ListVersion | undefined {
    return this.version.lists.find((l) => l.id === id);
  }

  /** The lists' own papers a merged paper unites (each list's id for it). */
  origins(paperId: string): readonly PaperOrigin[] {
    return this.version.origins.get(paperId) ?? NO_ORIGINS;
  }

  /** Swaps in a new version of the first list (one list followed); a version with the same hash is kept as is. Records stay. */
  replace(list: PaperList, hash: string, now: Date = new Date()): boolean {
    return this.replaceList((this.version.lists[0] as ListVersion).id, list, hash, now);
  }

  /**
   * Swaps in a new version of one followed list and merges again (`merged`: that merge, when the caller
   * already made it from the same lists); false when that list's hash is unchanged or the id is not followed.
   */
  replaceList(id: ListId, list: PaperList, hash: string, now: Date = new Date(), merged?: MergedLists): boolean {
    const at = this.version.lists.findIndex((l) => l.id === id);
    if (at < 0 || this.version.lists[at]?.hash === hash) return false;
    const lists = this.version.lists.map((l, i) => (i === at ? { id, list, hash, loadedAt: now } : l));
    this.version = build(lists, this.version.records, now, merged);
    return true;
  }

  /** Swaps in new records for the same lists (after enrichment); the index is rebuilt once. */
  replaceRecords(records: PaperRecords): void {
    const { list } = this.version;
    this.version = { ...this.version, records, index: new PaperIndex(list, records) };
  }
}
