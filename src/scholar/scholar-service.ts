import type { Logger } from "../log.js";
import type { EventBus } from "../papers/events.js";
import type { Paper } from "../papers/index.js";
import type { Catalog } from "../search/catalog.js";
import type { QueuedPaper } from "../store/scholar-repo.js";
import type { Store } from "../store/store.js";
import { enrichPaper, isPreprintVenue, type PaperOutcome } from "./enrich-paper.js";
import { emptySummary, tallyOutcome, type EnrichSummary } from "./enrich-summary.js";
import { SourceError } from "./http-source.js";
import { describePin, type Pin } from "../papers/identify.js";
import { mergeRecords } from "./merge-records.js";
import { arxivIdsToFetch, queueForList, REFRESH_AFTER_MS } from "./plan-enrichment.js";
import { NO_RECORDS, type PaperRecord, type PaperRecords } from "../papers/record.js";
import { SourceBackoff } from "./source-backoff.js";
import type { ArxivEntry, ScholarSources } from "./sources.js";

export interface ScholarDeps {
  store: Store;
  catalog: Catalog;
  log: Logger;
  now: () => Date;
  /** null when MSS_ENRICH=false: nothing is queued or fetched, stored and bundled records are still shown. */
  sources: ScholarSources | null;
  /** The bundled metadata snapshot. */
  snapshot?: PaperRecords;
  /** Where "record-resolved" and "record-published" (a preprint found at a venue) go: watches and announcements listen. */
  events?: EventBus;
  refreshAfterMs?: number;
}

export interface RunOptions {
  /** Only this paper (its id). */
  paperId?: string;
  /** Fetch again even what is stored. */
  refresh?: boolean;
  onProgress?: (done: number, total: number, name: string) => void;
}

const IDLE_MS = 60 * 60 * 1000;

/**
 * Knows each paper from outside the list: a queue in SQLite, worked in the
 * background (never in a command's way), one paper at a time, each source at
 * its own rate. A failing source backs off and delays only the papers that
 * need it. After each pass the catalog gets the stored records merged over the
 * bundled snapshot.
 */
export class ScholarService {
  private readonly backoff: SourceBackoff;
  private pass: Promise<unknown> = Promise.resolve();
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  private abort = new AbortController();
  private stopping = false;
  private closed = false;

  constructor(private readonly deps: ScholarDeps) {
    this.backoff = new SourceBackoff(deps.now, deps.log);
  }

  get enabled(): boolean {
    return this.deps.sources !== null;
  }

  /** Stored records over the bundled snapshot, as the catalog shows them. */
  records(): PaperRecords {
    return mergeRecords(this.deps.snapshot ?? NO_RECORDS, this.deps.store.scholar.all(), this.deps.store.scholar.pinnedToNone());
  }

  /** Hands the catalog the current records (its index is rebuilt once). */
  publish(): void {
    const records = this.records();
    if (records.size === 0 && this.deps.catalog.records.size === 0) return;
    this.deps.catalog.replaceRecords(records);
  }

  /** After a sync: queue what the list needs and wake the worker. */
  afterSync(): number {
    if (!this.enabled) return 0;
    const queued = queueForList(this.deps.store.scholar, this.deps.catalog.list.papers, this.deps.now(), this.deps.refreshAfterMs ?? REFRESH_AFTER_MS);
    if (queued > 0) this.kick();
    return queued;
  }

  /** Queues after every sync that read a list: new papers, changed links, old records. */
  followSync(sync: { onRun(listener: (run: { result: string }) => void): void }): void {
    sync.onRun((run) => {
      if (run.result === "changed" || run.result === "baseline" || run.result === "unchanged") this.afterSync();
    });
  }

  /**
   * Pins a paper to a record, kept across syncs, and queues it. A pin to none
   * hides the paper's record without deleting it: what is stored or bundled
   * shows again when the pin goes (`unpin`).
   */
  pin(paperId: string, pin: Pin, by: string): void {
    const at = this.deps.now().toISOString();
    this.deps.store.transaction(() => {
      this.deps.store.scholar.pin(paperId, pin, by, at);
      if (pin.kind === "none") this.deps.store.scholar.dequeue(paperId);
      else this.deps.store.scholar.enqueue(paperId, "pin", at, true);
    });
    this.deps.log.info({ paperId, pin: describePin(pin), by }, "scholarly record pinned");
    this.publish();
    if (pin.kind !== "none") this.kick();
  }

  /**
   * Removes a pin: the paper shows its stored or bundled record again at once,
   * and is queued to be resolved from its link.
   */
  unpin(paperId: string): boolean {
    const at = this.deps.now().toISOString();
    const repo = this.deps.store.scholar;
    const had = this.deps.store.transaction(() => {
      const removed = repo.unpin(paperId);
      if (repo.get(paperId)?.status === "cleared") repo.forget(paperId);
      // Queued even with MSS_ENRICH=false, so the paper is resolved from its link once enrichment is on.
      repo.enqueue(paperId, "pin", at, true);
      return removed;
    });
    this.publish();
    this.kick();
    return had;
  }

  /** Starts the background worker (the bot). */
  start(): void {
    if (!this.enabled || this.loop || this.closed) return;
    this.stopping = false;
    this.loop = this.work();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.closed = true;
    this.abort.abort(new Error("stopping"));
    this.wake?.();
    await this.loop;
    await this.pass.catch(() => undefined);
    this.loop = undefined;
    this.abort = new AbortController();
  }

  kick(): void {
    this.wake?.();
  }

  private async work(): Promise<void> {
    while (!this.stopping) {
      await this.runPass().catch((error: unknown) => this.deps.log.error({ err: error }, "scholarly enrichment pass failed"));
      if (this.stopping) break;
      const next = this.deps.store.scholar.nextDue();
      const wait = next === undefined ? IDLE_MS : Math.min(IDLE_MS, Math.max(1_000, Date.parse(next) - this.deps.now().getTime()));
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, wait);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = undefined;
    }
  }

  /** Works every due paper once (one pass at a time), then publishes the records. */
  private runPass(only?: Set<string>, onOutcome?: (paper: Paper, outcome: PaperOutcome | { kind: "skipped" }) => void): Promise<number> {
    const next = this.pass.then(() => this.passNow(only, onOutcome));
    this.pass = next.catch(() => undefined);
    return next;
  }

  /** arXiv entries for every due paper whose arXiv id is known before any request, in batches. */
  private async prefetchArxiv(due: QueuedPaper[], papers: Map<string, Paper>): Promise<Map<string, ArxivEntry>> {
    const sources = this.deps.sources;
    if (!sources || this.backoff.blocked("arxiv")) return new Map();
    const ids = arxivIdsToFetch(due, (id) => this.deps.store.scholar.pinOf(id), (id) => papers.get(id)?.links.paper);
    if (ids.size < 2) return new Map();
    try {
      return await sources.arxiv.entries([...ids], this.abort.signal);
    } catch (error) {
      if (!(error instanceof SourceError)) throw error;
      this.backoff.failed("arxiv", error.message, error.retryAfterMs);
      return new Map();
    }
  }

  private async passNow(only: Set<string> | undefined, onOutcome?: (paper: Paper, outcome: PaperOutcome | { kind: "skipped" }) => void): Promise<number> {
    const { store, now, log } = this.deps;
    const sources = this.deps.sources;
    if (!sources) return 0;
    const repo = store.scholar;
    const papers = new Map(this.deps.catalog.list.papers.map((p) => [p.id, p]));
    const position = new Map(this.deps.catalog.list.papers.map((p, i) => [p.id, i]));
    // In list order, as a reader of the summary expects.
    const due = repo
      .due(now().toISOString(), 1000)
      .filter((q) => !only || only.has(q.paperId))
      .sort((a, b) => (position.get(a.paperId) ?? -1) - (position.get(b.paperId) ?? -1));
    const arxivEntries = await this.prefetchArxiv(due, papers);
    let changed = 0;
    for (const q of due) {
      if (this.stopping) break;
      const paper = papers.get(q.paperId);
      if (!paper) {
        repo.dequeue(q.paperId);
        continue;
      }
      const outcome = await enrichPaper(paper, q.state, {
        sources,
        pin: repo.pinOf(paper.id),
        now,
        blocked: (s) => this.backoff.blocked(s),
        arxivEntries,
        save: (state) => repo.progress(paper.id, state),
        signal: this.abort.signal,
      }).catch((error: unknown) => {
        if (this.abort.signal.aborted) return undefined;
        throw error;
      });
      if (!outcome) break;
      const at = now().toISOString();
      const link = paper.links.paper ?? null;
      const before = repo.get(paper.id);
      switch (outcome.kind) {
        case "resolved":
          store.transaction(() => {
            repo.save({ paperId: paper.id, status: "resolved", reason: null, via: outcome.via, record: outcome.record, paperLink: link, fetchedAt: at }, at);
            repo.dequeue(paper.id);
          });
          this.backoff.settle();
          this.deps.events?.publish("record-resolved", { paper, record: outcome.record, before: before?.record ?? undefined, at });
          if (before?.record && isPreprintVenue(before.record.venue) && !isPreprintVenue(outcome.record.venue)) this.deps.events?.publish("record-published", { paper, record: outcome.record, before: before.record, at });
          changed++;
          break;
        case "unresolved":
          store.transaction(() => {
            repo.save({ paperId: paper.id, status: "unresolved", reason: outcome.reason, via: null, record: null, paperLink: link, fetchedAt: at }, at);
            repo.dequeue(paper.id);
          });
          log.info({ paper: paper.name, reason: outcome.reason }, "paper left unresolved");
          changed++;
          break;
        case "cleared":
          // Pinned to none: nothing was fetched, and what is stored stays for when the pin goes.
          repo.dequeue(paper.id);
          changed++;
          break;
        case "waiting": {
          const wasBlocked = outcome.error.startsWith("waiting for ");
          const until = wasBlocked ? this.backoff.resumesAt(outcome.source) : this.backoff.failed(outcome.source, outcome.error, outcome.retryAfterMs);
          repo.retryLater(paper.id, new Date(until).toISOString(), outcome.error, !wasBlocked);
          break;
        }
      }
      onOutcome?.(paper, outcome);
    }
    if (changed > 0) this.publish();
    return changed;
  }

  /**
   * Works the queue now for the whole list or one paper (`mss-bot enrich`):
   * each paper is tried once, and the summary says what became of it.
   */
  async run(options: RunOptions = {}): Promise<EnrichSummary> {
    const summary = emptySummary();
    if (!this.enabled) return summary;
    const { store, now } = this.deps;
    const repo = store.scholar;
    const at = now().toISOString();
    const targets = this.deps.catalog.list.papers.filter((p) => options.paperId === undefined || p.id === options.paperId);
    const only = new Set<string>();
    store.transaction(() => {
      for (const paper of targets) {
        const stored = repo.get(paper.id);
        const queued = repo.queuedOne(paper.id);
        if (options.refresh) repo.enqueue(paper.id, "manual", at, true);
        else if (queued) repo.dueNow(paper.id, at);
        else if (stored && stored.paperLink === (paper.links.paper ?? null)) {
          summary.known++;
          continue;
        } else repo.enqueue(paper.id, stored ? "link" : "new", at, Boolean(stored));
        only.add(paper.id);
      }
    });
    let done = 0;
    await this.runPass(only, (paper, outcome) => {
      done++;
      options.onProgress?.(done, only.size, paper.name);
      tallyOutcome(summary, paper, outcome);
    });
    return summary;
  }
}
