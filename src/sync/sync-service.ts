import type { Upstream } from "./upstream.js";
import { mergeLists, type MergedLists } from "../papers/merge-lists.js";
import { DEFAULT_LIST_ID, type ListId } from "../papers/model.js";
import type { Logger } from "../log.js";
import type { EventBus } from "../papers/events.js";
import { diffLists, hashText, ListParseError, type Paper, type PaperList, type ParseWarning } from "../papers/index.js";
import { listReaderFor, type ListReader } from "./list-reader.js";
import type { Catalog } from "../search/catalog.js";
import type { SyncRun } from "../store/run-repo.js";
import type { Store } from "../store/store.js";
import { enqueueAnnouncements } from "./enqueue.js";
import { FetchError, fetchUpstream, type FetchOptions } from "./fetch-upstream.js";
import { distinctWarnings, warningEffect } from "./list-warnings.js";
import { ONE_LIST_NAME, planAnnouncements } from "./plan-announcements.js";
import { sourceId } from "./source-id.js";

export interface SyncDeps {
  store: Store;
  catalog: Catalog;
  log: Logger;
  now: () => Date;
  upstream: Upstream;
  /** The followed list this sync reads (its MSS_LISTS id; "mss" when one list is followed). */
  listId?: ListId;
  /** Whether several lists are followed: then headlines name the list by its id, not "MSS-Papers". */
  severalLists?: boolean;
  announceChanges: boolean;
  maxAnnounce: number;
  fetch?: Partial<FetchOptions>;
  /** Where "papers-changed" goes, inside the sync's transaction (watches listen). */
  events?: EventBus;
  /** Reads upstream markdown into a list; by default as listReaderFor(upstream) does. */
  readList?: ListReader;
}

export interface SyncReport {
  /** The followed list's id, and its source. */
  list: ListId;
  source: string;
  result: SyncRun["result"];
  detail: string | null;
  added: Paper[];
  changed: Array<{ paper: Paper; changes: string[] }>;
  removed: Paper[];
  /** Deliveries queued (one per announcement and channel) and digests sent instead of floods. */
  deliveries: number;
  digests: number;
  dryRun: boolean;
  /** What reading the list skipped, dropped or repaired, each distinct warning once (empty when nothing was read). */
  warnings: ParseWarning[];
}

/** The last good list stored for a source, parsed; undefined when none is stored or it no longer parses. */
export async function loadLastGoodList(
  store: Store,
  source: string,
  log: Logger,
  readList: ListReader,
): Promise<{ list: PaperList; hash: string } | undefined> {
  const snapshot = store.snapshots.get(source);
  if (!snapshot) return undefined;
  try {
    return { list: await readList(snapshot.content), hash: snapshot.hash };
  } catch (error) {
    log.error({ err: error, source }, "stored snapshot no longer parses; ignoring it");
    return undefined;
  }
}

/** More than this share of the list removed at once is logged as a warning (likely an upstream accident). */
const REMOVAL_WARNING_SHARE = 0.3;

/**
 * Re-reads the upstream list, diffs it against the last good snapshot and
 * queues announcements, all in one transaction. Runs one at a time: a cron tick
 * and a /sync at the same moment run one after the other.
 */
export class SyncService {
  private queue: Promise<unknown> = Promise.resolve();
  private readonly runListeners: Array<(run: SyncRun, report: SyncReport) => void> = [];
  readonly source: string;
  readonly listId: ListId;

  constructor(private readonly deps: SyncDeps) {
    this.source = sourceId(deps.upstream);
    this.listId = deps.listId ?? DEFAULT_LIST_ID;
  }

  get upstream(): Upstream {
    return this.deps.upstream;
  }

  /** Told about every run, dry runs included (metrics). */
  onRun(listener: (run: SyncRun, report: SyncReport) => void): void {
    this.runListeners.push(listener);
  }

  /** `fetch` adds fetch options for this run only (the CLI's progress lines). */
  run(options: { dryRun?: boolean; fetch?: Partial<FetchOptions> } = {}): Promise<SyncReport> {
    const next = this.queue.then(() => this.runNow(options.dryRun ?? false, options.fetch));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private get readList(): ListReader {
    return this.deps.readList ?? listReaderFor(this.deps.upstream);
  }

  /** The list a sync diffs against: the one commands answer from when it is the stored snapshot, else the snapshot parsed. */
  private previousList(snapshotHash: string): Promise<{ list: PaperList; hash: string } | undefined> {
    const loaded = this.deps.catalog.listVersion(this.listId);
    if (loaded?.hash === snapshotHash) return Promise.resolve({ list: loaded.list, hash: loaded.hash });
    return loadLastGoodList(this.deps.store, this.source, this.deps.log, this.readList);
  }

  /**
   * Every followed list merged with this list's new version, and this list's
   * papers as the merge holds them (`before`: as the merge held them before,
   * for papers no longer listed): a paper two lists hold is one paper, one id.
   */
  private mergedWith(list: PaperList): { result: MergedLists; list: PaperList; now: (papers: readonly Paper[]) => Paper[]; before: (papers: readonly Paper[]) => Paper[] } {
    const current = this.deps.catalog.current;
    const finder = (merged: Pick<MergedLists, "list" | "origins">) => {
      const byId = new Map(merged.list.papers.map((p) => [p.id, p]));
      const found = new Map<string, Paper>();
      for (const [id, origins] of merged.origins) for (const o of origins) if (o.list === this.listId) found.set(o.paperId, byId.get(id) as Paper);
      return (papers: readonly Paper[]) => papers.map((p) => found.get(p.id) ?? p);
    };
    const result = mergeLists(current.lists.map((l) => (l.id === this.listId ? { id: l.id, list } : l)));
    // The catalog holds the merge as it was before this list changed: no second merge for papers no longer listed.
    return { result, list: result.list, now: finder(result), before: (papers) => (papers.length === 0 ? [] : finder(current)(papers)) };
  }

  private async runNow(dryRun: boolean, fetchOptions: Partial<FetchOptions> = {}): Promise<SyncReport> {
    const { store, log, now } = this.deps;
    const startedAt = now().toISOString();
    const report: SyncReport = { list: this.listId, source: this.source, result: "failed", detail: null, added: [], changed: [], removed: [], deliveries: 0, digests: 0, dryRun, warnings: [] };
    const finish = (result: SyncRun["result"], detail: string | null): SyncReport => {
      Object.assign(report, { result, detail });
      const run: SyncRun = { source: this.source, startedAt, finishedAt: now().toISOString(), result, detail, added: report.added.length, changed: report.changed.length, removed: report.removed.length };
      // The run's log line is bookkeeping: failing to write it (a full disk) must not turn a stored sync into an error.
      if (!dryRun) {
        try {
          store.runs.record(run);
        } catch (error) {
          log.error({ err: error, list: this.listId, source: this.source }, "could not record the sync run");
        }
      }
      for (const listener of this.runListeners) listener(run, report);
      const level = result === "failed" || result === "rejected" ? "warn" : "info";
      log[level]({ ...run, list: this.listId, dryRun, deliveries: report.deliveries, digests: report.digests }, `sync ${result}`);
      return report;
    };

    const snapshot = store.snapshots.get(this.source);
    let fetched;
    try {
      fetched = await fetchUpstream(this.deps.upstream, snapshot && { etag: snapshot.etag, lastModified: snapshot.lastModified }, { ...this.deps.fetch, ...fetchOptions });
    } catch (error) {
      if (!(error instanceof FetchError)) throw error;
      return finish("failed", `${error.message}; kept the last good list`);
    }
    if (fetched.kind === "not-modified") {
      if (!dryRun) store.snapshots.touch(this.source, startedAt, null, null);
      return finish("not-modified", "the upstream answered 304 Not Modified");
    }

    let list: PaperList;
    try {
      list = await this.readList(fetched.text);
    } catch (error) {
      if (!(error instanceof ListParseError)) throw error;
      return finish("rejected", `${error.message}; kept the last good list`);
    }
    report.warnings = distinctWarnings(list.warnings);
    for (const w of report.warnings) log.warn({ source: this.source, line: w.line, effect: warningEffect(w), warning: w.message }, "list warning");
    const hash = hashText(fetched.text);
    const saveSnapshot = () =>
      store.snapshots.save({ source: this.source, content: fetched.text, hash, etag: fetched.etag, lastModified: fetched.lastModified, papers: list.papers.length, fetchedAt: startedAt, changedAt: startedAt });

    if (snapshot?.hash === hash) {
      if (!dryRun) store.snapshots.touch(this.source, startedAt, fetched.etag, fetched.lastModified);
      this.deps.catalog.replaceList(this.listId, list, hash, now());
      return finish("unchanged", null);
    }
    const previous = snapshot ? await this.previousList(snapshot.hash) : undefined;
    if (!previous) {
      if (!dryRun) {
        store.transaction(() => {
          saveSnapshot();
          store.seen.add(this.source, list.papers, startedAt, true);
        });
        this.deps.catalog.replaceList(this.listId, list, hash, now());
      }
      const detail = dryRun
        ? `dry run: nothing is stored yet for this source; a real sync would store its ${list.papers.length} papers as the baseline and announce none of them`
        : `stored ${list.papers.length} papers as the baseline; nothing announced`;
      return finish("baseline", detail);
    }

    const diff = diffLists(previous.list, list);
    const seenBefore = store.seen.known(this.source, diff.added.map((p) => p.id));
    const listName = this.deps.severalLists ? this.listId : ONE_LIST_NAME;
    // The lists as they will be once this one is stored: merged once, for the cards, the listeners and the catalog.
    // Nothing awaits from here to the catalog's swap, so no other list's sync can change the catalog in between.
    const merged = this.mergedWith(list);
    // The card keeps the name this list gives the paper; its id, lists and record are the merged paper's.
    const view = this.deps.severalLists ? { listName, merged: (paper: Paper) => ({ ...(merged.now([paper])[0] ?? paper), name: paper.name }) } : { listName };
    const plan = planAnnouncements(this.source, diff, list, seenBefore, this.deps.announceChanges, this.deps.catalog.records, view);
    report.added = plan.announcements.filter((a) => a.kind === "added").map((a) => a.paper);
    report.changed = plan.announcements.filter((a) => a.kind === "changed").map((a) => ({ paper: a.paper, changes: a.reply.kind === "announcement" ? (a.reply.items[0]?.changes ?? []) : [] }));
    report.removed = diff.removed;
    if (diff.removed.length > 0) log.info({ source: this.source, removed: diff.removed.map((p) => p.name) }, "papers removed upstream (not announced)");
    if (diff.removed.length > REMOVAL_WARNING_SHARE * previous.list.papers.length) {
      log.warn({ source: this.source, removed: diff.removed.length, of: previous.list.papers.length }, "the upstream removed over 30% of the list at once");
    }
    if (plan.reappeared.length > 0) log.info({ reappeared: plan.reappeared.map((p) => p.name) }, "papers back on the list; not announced again");

    if (!dryRun) {
      const queued = store.transaction(() => {
        saveSnapshot();
        store.seen.add(this.source, list.papers, startedAt, false);
        const announced = enqueueAnnouncements(store, this.source, plan.announcements, list, this.deps.maxAnnounce, startedAt, { id: this.listId, name: listName });
        // Listeners (personal watches) queue in the same transaction: a crash never loses their posts nor sends them twice.
        // They hear of the papers as the merged lists hold them: a paper two lists add is one paper, with one id.
        const changed = merged.now(report.changed.map((c) => c.paper));
        const watched =
          this.deps.events?.publish("papers-changed", { listId: this.listId, source: this.source, list: merged.list, added: merged.now(report.added), changed, removed: merged.before(diff.removed), records: this.deps.catalog.records, at: startedAt }) ?? 0;
        return { ...announced, deliveries: announced.deliveries + watched };
      });
      report.deliveries = queued.deliveries;
      report.digests = queued.digests;
      this.deps.catalog.replaceList(this.listId, list, hash, now(), merged.result);
    }
    const quiet = diff.changed.length - report.changed.length;
    const summary = `${report.added.length} added, ${report.changed.length} changed, ${report.removed.length} removed${quiet > 0 ? `, ${quiet} edited without news` : ""}`;
    return finish("changed", summary);
  }
}
