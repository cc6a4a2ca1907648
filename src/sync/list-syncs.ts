import type { ListId } from "../papers/model.js";
import type { SyncRun } from "../store/run-repo.js";
import type { FetchOptions } from "./fetch-upstream.js";
import { SyncService, type SyncDeps, type SyncReport } from "./sync-service.js";
import type { Upstream } from "./upstream.js";

export interface SyncOptions {
  dryRun?: boolean;
  fetch?: Partial<FetchOptions>;
}

/**
 * Syncs every followed list, each with its own source, snapshot and runs
 * (one SyncService per list): a list that cannot be read (unreachable,
 * refused, broken) keeps its last good version and fails alone, while the
 * others sync. With one list it is that list's sync.
 */
export class ListSyncs {
  constructor(readonly lists: readonly SyncService[]) {
    if (lists.length === 0) throw new Error("at least one list is followed");
  }

  /** One SyncService per followed list (MSS_LISTS order), all with the same store, catalog and events. */
  static follow(lists: ReadonlyArray<{ id: ListId; upstream: Upstream }>, deps: Omit<SyncDeps, "upstream" | "listId" | "severalLists">): ListSyncs {
    return new ListSyncs(lists.map(({ id, upstream }) => new SyncService({ ...deps, upstream, listId: id, severalLists: lists.length > 1 })));
  }

  /** The first list's sync (the one list when MSS_LISTS is unset). */
  get primary(): SyncService {
    return this.lists[0] as SyncService;
  }

  /** The first list's source (state of one list is stored under its source). */
  get source(): string {
    return this.primary.source;
  }

  get ids(): ListId[] {
    return this.lists.map((l) => l.listId);
  }

  get(id: ListId): SyncService | undefined {
    return this.lists.find((l) => l.listId === id);
  }

  /** Told about every run of every list, dry runs included (metrics). */
  onRun(listener: (run: SyncRun, report: SyncReport) => void): void {
    for (const list of this.lists) list.onRun(listener);
  }

  /**
   * Runs every list (or only `list`), at once, and reports each. A list whose
   * sync throws (the store refused its transaction) does not stop the others;
   * the first such error is thrown once they are done.
   */
  async runAll(options: SyncOptions & { list?: ListId } = {}): Promise<SyncReport[]> {
    const chosen = options.list === undefined ? this.lists : this.lists.filter((l) => l.listId === options.list);
    const { list: _one, ...runOptions } = options;
    const settled = await Promise.allSettled(chosen.map((l) => l.run(runOptions)));
    const failed = settled.find((s): s is PromiseRejectedResult => s.status === "rejected");
    if (failed) throw failed.reason;
    return settled.map((s) => (s as PromiseFulfilledResult<SyncReport>).value);
  }

  /** Runs every list; resolves to the first list's report (the one list's, when one is followed). */
  async run(options: SyncOptions = {}): Promise<SyncReport> {
    const [first] = await this.runAll(options);
    return first as SyncReport;
  }
}
