import type { Logger } from "../log.js";
import type { ScholarSourceName } from "./sources.js";

const MIN_BACKOFF_MS = 60_000;
const MAX_BACKOFF_MS = 6 * 60 * 60 * 1000;

/**
 * Which sources are resting after a failure, and until when: from one minute,
 * doubling per failure in a row up to six hours, or as long as the source's
 * Retry-After asked. Papers that need a resting source wait without a request.
 */
export class SourceBackoff {
  private readonly until = new Map<ScholarSourceName, { until: number; error: string; failures: number }>();

  constructor(
    private readonly now: () => Date,
    private readonly log: Logger,
  ) {}

  /** Why the source is resting, or undefined when it may be asked. */
  blocked(source: ScholarSourceName): string | undefined {
    const b = this.until.get(source);
    return b && b.until > this.now().getTime() ? `waiting for ${source} (${b.error})` : undefined;
  }

  /** When a resting source may be asked again (now + one minute when unknown). */
  resumesAt(source: ScholarSourceName): number {
    return this.until.get(source)?.until ?? this.now().getTime() + MIN_BACKOFF_MS;
  }

  /** Records a failure; returns when the source may be asked again. */
  failed(source: ScholarSourceName, error: string, retryAfterMs?: number): number {
    const failures = (this.until.get(source)?.failures ?? 0) + 1;
    const backoff = retryAfterMs ?? Math.min(MAX_BACKOFF_MS, MIN_BACKOFF_MS * 2 ** (failures - 1));
    const until = this.now().getTime() + backoff;
    this.until.set(source, { until, error, failures });
    this.log.warn({ source, error, retryInMs: backoff }, "scholarly source failed; papers that need it wait");
    return until;
  }

  /** Forgets the failures of sources whose rest is over (after a paper went through). */
  settle(): void {
    const at = this.now().getTime();
    for (const [source, b] of this.until) if (b.until <= at) this.until.delete(source);
  }
}
