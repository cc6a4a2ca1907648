import { open } from "node:fs/promises";
import type { Upstream } from "../config.js";

export interface Validators {
  etag: string | null;
  lastModified: string | null;
}

export type FetchResult = { kind: "not-modified" } | ({ kind: "body"; text: string } & Validators);

export interface FetchOptions {
  timeoutMs: number;
  maxBytes: number;
  /** Attempts after the first, on timeouts, network errors, 429 and 5xx. */
  retries: number;
  backoffMs: number;
  userAgent: string;
  sleep?: (ms: number) => Promise<void>;
  /** Told as each attempt starts (a terminal says what it is waiting for). */
  onAttempt?: (attempt: FetchAttempt) => void;
}

export interface FetchAttempt {
  url: string;
  /** 1-based; `of` is the most attempts there will be. */
  number: number;
  of: number;
  timeoutMs: number;
}

/**
 * Network errors no retry within seconds can fix: no such host, nothing
 * listening on the port, a malformed address. The next scheduled sync tries again.
 */
const PERMANENT_NETWORK_CODES = new Set(["ENOTFOUND", "ECONNREFUSED", "EAI_NONAME", "ERR_INVALID_URL", "ERR_INVALID_ARG_VALUE", "EINVAL"]);

function networkCode(error: unknown): string | undefined {
  const cause = error instanceof Error ? error.cause : undefined;
  const code = (cause as { code?: unknown } | undefined)?.code ?? (error as { code?: unknown } | undefined)?.code;
  return typeof code === "string" ? code : undefined;
}

export const DEFAULT_FETCH_OPTIONS: FetchOptions = {
  timeoutMs: 15_000,
  maxBytes: 5 * 1024 * 1024,
  retries: 3,
  backoffMs: 1_000,
  userAgent: "mss-bot/0.1 (+https://github.com/mss-bot; MSS-Papers reading-group bot)",
};

/** The upstream could not be read; `transient` failures were already retried. */
export class FetchError extends Error {
  override name = "FetchError";
  constructor(
    message: string,
    readonly transient: boolean,
  ) {
    super(message);
  }
}

const sleepFor = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function readCapped(body: ReadableStream<Uint8Array> | null, maxBytes: number): Promise<string> {
  if (!body) return "";
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw new FetchError(`the list is larger than ${maxBytes} bytes`, false);
    }
    chunks.push(value);
  }
  return new TextDecoder("utf-8").decode(Buffer.concat(chunks));
}

async function fetchOnce(url: string, validators: Validators | undefined, o: FetchOptions): Promise<FetchResult> {
  const headers: Record<string, string> = { "user-agent": o.userAgent, accept: "text/markdown, text/plain;q=0.9, */*;q=0.1" };
  if (validators?.etag) headers["if-none-match"] = validators.etag;
  if (validators?.lastModified) headers["if-modified-since"] = validators.lastModified;
  let response: Response;
  try {
    response = await fetch(url, { headers, signal: AbortSignal.timeout(o.timeoutMs), redirect: "follow" });
  } catch (error) {
    const code = networkCode(error);
    throw new FetchError(describeNetworkError(error, o.timeoutMs), code === undefined || !PERMANENT_NETWORK_CODES.has(code));
  }
  if (response.status === 304) {
    await response.body?.cancel();
    return { kind: "not-modified" };
  }
  if (!response.ok) {
    await response.body?.cancel();
    const transient = response.status === 429 || response.status >= 500;
    throw new FetchError(`HTTP ${response.status} ${response.statusText}`.trim(), transient);
  }
  const length = Number(response.headers.get("content-length") ?? "0");
  if (length > o.maxBytes) {
    await response.body?.cancel();
    throw new FetchError(`the list is larger than ${o.maxBytes} bytes (${length})`, false);
  }
  let text: string;
  try {
    text = await readCapped(response.body, o.maxBytes);
  } catch (error) {
    if (error instanceof FetchError) throw error;
    throw new FetchError(`the download broke off: ${describeNetworkError(error, o.timeoutMs)}`, true);
  }
  return { kind: "body", text, etag: response.headers.get("etag"), lastModified: response.headers.get("last-modified") };
}

function describeNetworkError(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")) return `no answer within ${timeoutMs} ms`;
  const code = networkCode(error);
  if (code === "ENOTFOUND" || code === "EAI_NONAME") return `no such host (DNS lookup failed: ${code})`;
  if (code === "ECONNREFUSED") return `connection refused: nothing is listening there (${code})`;
  const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : "";
  return `${error instanceof Error ? error.message : String(error)}${cause}`;
}

async function readFileCapped(path: string, maxBytes: number): Promise<FetchResult> {
  let handle;
  try {
    handle = await open(path, "r");
  } catch (error) {
    throw new FetchError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, false);
  }
  try {
    const { size } = await handle.stat();
    if (size > maxBytes) throw new FetchError(`the list is larger than ${maxBytes} bytes (${size})`, false);
    return { kind: "body", text: await handle.readFile("utf8"), etag: null, lastModified: null };
  } finally {
    await handle.close();
  }
}

/**
 * Reads the upstream list: a conditional GET for a URL (a 304 costs nothing),
 * with a timeout, a size cap and retries with backoff on transient failures;
 * a plain read for a file.
 */
export async function fetchUpstream(upstream: Upstream, validators: Validators | undefined, options: Partial<FetchOptions> = {}): Promise<FetchResult> {
  const o = { ...DEFAULT_FETCH_OPTIONS, ...options };
  if (upstream.kind !== "url") return readFileCapped(upstream.path, o.maxBytes);
  const sleep = o.sleep ?? sleepFor;
  for (let attempt = 0; ; attempt++) {
    o.onAttempt?.({ url: upstream.url, number: attempt + 1, of: o.retries + 1, timeoutMs: o.timeoutMs });
    try {
      return await fetchOnce(upstream.url, validators, o);
    } catch (error) {
      if (!(error instanceof FetchError) || !error.transient || attempt >= o.retries) throw error;
      await sleep(o.backoffMs * 2 ** attempt);
    }
  }
}
