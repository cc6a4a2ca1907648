import type { ScholarSourceName } from "./sources.js";

/** Time as the sources see it: real in the bot, a fake clock in tests (sleeping advances it). */
export interface SourceClock {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const realClock: SourceClock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const timer = setTimeout(() => {
        signal?.removeEventListener("abort", onAbort);
        resolve();
      }, ms);
      const onAbort = () => {
        clearTimeout(timer);
        reject(signal?.reason);
      };
      signal?.addEventListener("abort", onAbort, { once: true });
    }),
};

/** A source could not answer (network, timeout, 5xx, 429 past its retries, malformed body); the work waits for it. */
export class SourceError extends Error {
  override name = "SourceError";
  constructor(
    readonly source: ScholarSourceName,
    message: string,
    /** How long the source asked us to wait (Retry-After), when it did. */
    readonly retryAfterMs?: number,
  ) {
    super(`${source}: ${message}`);
  }
}

export interface HttpSourceOptions {
  source: ScholarSourceName;
  /** At least this long between the starts of two requests. */
  minIntervalMs: number;
  timeoutMs?: number;
  /** Times a 429 is waited out (honouring Retry-After) before giving up. */
  maxRetries429?: number;
  headers?: Record<string, string>;
  clock?: SourceClock;
  maxBytes?: number;
}

const USER_AGENT = "mss-bot/0.1 (+https://github.com/mss-bot; MSS-Papers reading-group bot)";
const MAX_RETRY_AFTER_MS = 5 * 60_000;

/** Retry-After as seconds or an HTTP date, in ms from now; undefined when absent or unreadable. */
export function retryAfterMs(value: string | null, nowMs: number): number | undefined {
  if (value === null || value.trim() === "") return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds * 1000, MAX_RETRY_AFTER_MS);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.min(Math.max(0, at - nowMs), MAX_RETRY_AFTER_MS);
}

export type HttpAnswer = { status: 200; text: string } | { status: 404 };

/**
 * One outside source over HTTP: requests go one at a time, at most one per
 * `minIntervalMs`, and a 429 is waited out as its Retry-After says. Every other
 * failure is a SourceError for the caller's queue to retry later.
 */
export class HttpSource {
  private gate: Promise<unknown> = Promise.resolve();
  private nextAt = 0;
  readonly clock: SourceClock;
  /** Requests sent (each attempt counts), for tests and the summary. */
  requests = 0;

  constructor(private readonly o: HttpSourceOptions) {
    this.clock = o.clock ?? realClock;
  }

  get name(): ScholarSourceName {
    return this.o.source;
  }

  /** GETs a URL; 200 gives the body, 404 says "not there"; anything else throws SourceError. */
  get(url: string, signal?: AbortSignal): Promise<HttpAnswer> {
    const next = this.gate.then(() => this.getNow(url, signal));
    this.gate = next.catch(() => undefined);
    return next;
  }

  private async waitTurn(signal?: AbortSignal): Promise<void> {
    const wait = this.nextAt - this.clock.now();
    if (wait > 0) await this.clock.sleep(wait, signal);
    this.nextAt = this.clock.now() + this.o.minIntervalMs;
  }

  private async getNow(url: string, signal?: AbortSignal): Promise<HttpAnswer> {
    const retries = this.o.maxRetries429 ?? 2;
    for (let attempt = 0; ; attempt++) {
      await this.waitTurn(signal);
      this.requests++;
      let response: Response;
      const timeout = AbortSignal.timeout(this.o.timeoutMs ?? 20_000);
      try {
        response = await fetch(url, {
          headers: { "user-agent": USER_AGENT, ...this.o.headers },
          signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
          redirect: "follow",
        });
      } catch (error) {
        if (signal?.aborted) throw error;
        throw new SourceError(this.o.source, timeout.aborted ? `no answer within ${this.o.timeoutMs ?? 20_000} ms` : `network error (${(error as Error).message})`);
      }
      if (response.status === 404) {
        await response.body?.cancel();
        return { status: 404 };
      }
      if (response.status === 429) {
        await response.body?.cancel();
        const after = retryAfterMs(response.headers.get("retry-after"), this.clock.now());
        if (attempt >= retries) throw new SourceError(this.o.source, "HTTP 429 Too Many Requests", after);
        // The next request waits at least as long as the source asked.
        this.nextAt = Math.max(this.nextAt, this.clock.now() + (after ?? this.o.minIntervalMs * 2 ** (attempt + 1)));
        continue;
      }
      if (!response.ok) {
        await response.body?.cancel();
        throw new SourceError(this.o.source, `HTTP ${response.status} ${response.statusText}`.trim());
      }
      try {
        const text = await response.text();
        if (text.length > (this.o.maxBytes ?? 5_000_000)) throw new Error("answer too large");
        return { status: 200, text };
      } catch (error) {
        if (signal?.aborted) throw error;
        throw new SourceError(this.o.source, `could not read the answer (${(error as Error).message})`);
      }
    }
  }
}

/** base + path, keeping a proxy's path prefix in the base ("https://proxy/dblp" + "/rec/x.bib"). */
export function joinUrl(base: string, path: string, query: Record<string, string> = {}): string {
  const url = new URL(base.replace(/\/+$/, "") + path);
  for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
  return url.href;
}
