import type { Database } from "better-sqlite3";
import { z } from "zod";
import { PaperRecordSchema, type PaperRecord } from "../papers/record.js";
import type { Pin } from "../papers/identify.js";

export const SCHOLAR_STEPS = ["resolve", "arxiv", "s2", "dblp-bib"] as const;
export type ScholarStep = (typeof SCHOLAR_STEPS)[number];
export const RESOLVED_VIA = ["arxiv-link", "doi-link", "dblp-search", "pin"] as const;
export type ResolvedVia = (typeof RESOLVED_VIA)[number];

/** A paper's work in progress: steps done and the record so far, so a restart does not fetch them again. */
export const WorkStateSchema = z.object({
  via: z.enum(RESOLVED_VIA).optional(),
  done: z.array(z.enum(SCHOLAR_STEPS)),
  record: PaperRecordSchema.optional(),
});
export type WorkState = z.infer<typeof WorkStateSchema>;

export const QUEUE_REASONS = ["new", "link", "refresh", "pin", "manual"] as const;
export type QueueReason = (typeof QUEUE_REASONS)[number];

export interface QueuedPaper {
  paperId: string;
  reason: QueueReason;
  state: WorkState;
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
  enqueuedAt: string;
}

export type ScholarStatus = "resolved" | "unresolved" | "cleared";

/** What is known of one paper: its record (with each field's origin) or why there is none, and when it was fetched. */
export interface StoredScholar {
  paperId: string;
  status: ScholarStatus;
  reason: string | null;
  via: ResolvedVia | null;
  record: PaperRecord | null;
  /** The list's paper link the record was resolved from; a new link means resolving again. */
  paperLink: string | null;
  fetchedAt: string;
  updatedAt: string;
}

const RowSchema = z.object({
  paperId: z.string(),
  status: z.enum(["resolved", "unresolved", "cleared"]),
  reason: z.string().nullable(),
  via: z.enum(RESOLVED_VIA).nullable().catch(null),
  record: z.string().nullable(),
  paperLink: z.string().nullable(),
  fetchedAt: z.string(),
  updatedAt: z.string(),
});

const COLUMNS = "paper_id AS paperId, status, reason, via, record_json AS record, paper_link AS paperLink, fetched_at AS fetchedAt, updated_at AS updatedAt";

/** A stored row; a record that no longer validates is dropped (the paper is fetched again), never thrown. */
function toStored(row: unknown): StoredScholar {
  const r = RowSchema.parse(row);
  let record: PaperRecord | null = null;
  if (r.record !== null) {
    try {
      record = PaperRecordSchema.parse(JSON.parse(r.record));
    } catch {
      record = null;
    }
  }
  return { ...r, record };
}

const QueueRowSchema = z.object({
  paperId: z.string(),
  reason: z.enum(QUEUE_REASONS),
  state: z.string(),
  attempts: z.number().int(),
  nextAttemptAt: z.string(),
  lastError: z.string().nullable(),
  enqueuedAt: z.string(),
});

function toQueued(row: unknown): QueuedPaper {
  const r = QueueRowSchema.parse(row);
  let state: WorkState = { done: [] };
  try {
    state = WorkStateSchema.parse(JSON.parse(r.state));
  } catch {
    // A state that no longer reads starts over: the paper is fetched again, nothing is lost.
  }
  return { ...r, state };
}

const QUEUE_COLUMNS = "paper_id AS paperId, reason, state_json AS state, attempts, next_attempt_at AS nextAttemptAt, last_error AS lastError, enqueued_at AS enqueuedAt";

/** Scholarly records, admins' pins and the enrichment queue (migration 6). */
export class ScholarRepo {
  constructor(private readonly db: Database) {}

  get(paperId: string): StoredScholar | undefined {
    const row = this.db.prepare(`SELECT ${COLUMNS} FROM scholar_records WHERE paper_id = ?`).get(paperId);
    return row === undefined ? undefined : toStored(row);
  }

  all(): StoredScholar[] {
    return this.db.prepare(`SELECT ${COLUMNS} FROM scholar_records ORDER BY paper_id`).all().map(toStored);
  }

  /** The records of resolved papers, by paper id; not those an admin pinned to none. */
  records(): Map<string, PaperRecord> {
    const cleared = this.pinnedToNone();
    return new Map(this.all().flatMap((s) => (s.status === "resolved" && s.record && !cleared.has(s.paperId) ? [[s.paperId, s.record] as const] : [])));
  }

  /** Forgets a paper's stored record (a cleared row that holds nothing, when its pin to none goes). */
  forget(paperId: string): void {
    this.db.prepare("DELETE FROM scholar_records WHERE paper_id = ?").run(paperId);
  }

  save(s: Omit<StoredScholar, "updatedAt">, at: string): void {
    this.db
      .prepare(
        `INSERT INTO scholar_records (paper_id, status, reason, via, record_json, paper_link, fetched_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (paper_id) DO UPDATE SET status = excluded.status, reason = excluded.reason, via = excluded.via,
           record_json = excluded.record_json, paper_link = excluded.paper_link, fetched_at = excluded.fetched_at, updated_at = excluded.updated_at`,
      )
      .run(s.paperId, s.status, s.reason, s.via, s.record === null ? null : JSON.stringify(PaperRecordSchema.parse(s.record)), s.paperLink, s.fetchedAt, at);
  }

  /** Papers whose record was fetched before `before` (ISO), oldest first. */
  fetchedBefore(before: string): string[] {
    return this.db
      .prepare("SELECT paper_id AS id FROM scholar_records WHERE fetched_at < ? AND status != 'cleared' ORDER BY fetched_at")
      .all(before)
      .map((r) => z.object({ id: z.string() }).parse(r).id);
  }

  pin(paperId: string, pin: Pin, by: string, at: string): void {
    this.db
      .prepare(
        `INSERT INTO scholar_pins (paper_id, kind, value, pinned_by, pinned_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (paper_id) DO UPDATE SET kind = excluded.kind, value = excluded.value, pinned_by = excluded.pinned_by, pinned_at = excluded.pinned_at`,
      )
      .run(paperId, pin.kind, pin.kind === "none" ? null : pin.value, by, at);
  }

  unpin(paperId: string): boolean {
    return this.db.prepare("DELETE FROM scholar_pins WHERE paper_id = ?").run(paperId).changes > 0;
  }

  /** Papers an admin pinned to no record: they show none, whatever is stored or bundled for them. */
  pinnedToNone(): Set<string> {
    return new Set(
      this.db
        .prepare("SELECT paper_id AS id FROM scholar_pins WHERE kind = 'none'")
        .all()
        .map((r) => z.object({ id: z.string() }).parse(r).id),
    );
  }

  pinOf(paperId: string): Pin | undefined {
    const row = this.db.prepare("SELECT kind, value FROM scholar_pins WHERE paper_id = ?").get(paperId);
    if (row === undefined) return undefined;
    const r = z.object({ kind: z.enum(["arxiv", "doi", "dblp", "none"]), value: z.string().nullable() }).parse(row);
    return r.kind === "none" ? { kind: "none" } : { kind: r.kind, value: r.value ?? "" };
  }

  /**
   * Queues a paper. `restart` throws away work in progress (a new link, a pin,
   * a refresh); otherwise a paper already queued keeps its place and progress.
   */
  enqueue(paperId: string, reason: QueueReason, at: string, restart = false): void {
    const state = JSON.stringify({ done: [] } satisfies WorkState);
    this.db
      .prepare(
        `INSERT INTO scholar_queue (paper_id, reason, state_json, attempts, next_attempt_at, enqueued_at) VALUES (?, ?, ?, 0, ?, ?)
         ON CONFLICT (paper_id) DO ${restart ? "UPDATE SET reason = excluded.reason, state_json = excluded.state_json, attempts = 0, next_attempt_at = excluded.next_attempt_at, last_error = NULL" : "NOTHING"}`,
      )
      .run(paperId, reason, state, at, at);
  }

  queued(): QueuedPaper[] {
    return this.db.prepare(`SELECT ${QUEUE_COLUMNS} FROM scholar_queue ORDER BY enqueued_at, paper_id`).all().map(toQueued);
  }

  queuedOne(paperId: string): QueuedPaper | undefined {
    const row = this.db.prepare(`SELECT ${QUEUE_COLUMNS} FROM scholar_queue WHERE paper_id = ?`).get(paperId);
    return row === undefined ? undefined : toQueued(row);
  }

  /** Papers due at `at`, in queue order. */
  due(at: string, limit = 100): QueuedPaper[] {
    return this.db.prepare(`SELECT ${QUEUE_COLUMNS} FROM scholar_queue WHERE next_attempt_at <= ? ORDER BY enqueued_at, paper_id LIMIT ?`).all(at, limit).map(toQueued);
  }

  /** The earliest time a queued paper is due, if any. */
  nextDue(): string | undefined {
    const row = this.db.prepare("SELECT MIN(next_attempt_at) AS at FROM scholar_queue").get();
    return z.object({ at: z.string().nullable() }).parse(row).at ?? undefined;
  }

  /** Stores progress: what a restart resumes from. */
  progress(paperId: string, state: WorkState): void {
    this.db.prepare("UPDATE scholar_queue SET state_json = ? WHERE paper_id = ?").run(JSON.stringify(WorkStateSchema.parse(state)), paperId);
  }

  /** A step failed: the paper waits until `at`, keeping what it has. */
  retryLater(paperId: string, at: string, error: string, countAttempt: boolean): void {
    this.db
      .prepare(`UPDATE scholar_queue SET next_attempt_at = ?, last_error = ?, attempts = attempts + ? WHERE paper_id = ?`)
      .run(at, error.slice(0, 500), countAttempt ? 1 : 0, paperId);
  }

  /** Makes a queued paper due now, keeping its progress (a run asked for now). */
  dueNow(paperId: string, at: string): void {
    this.db.prepare("UPDATE scholar_queue SET next_attempt_at = ? WHERE paper_id = ?").run(at, paperId);
  }

  dequeue(paperId: string): void {
    this.db.prepare("DELETE FROM scholar_queue WHERE paper_id = ?").run(paperId);
  }
}
