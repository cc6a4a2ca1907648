import { open } from "node:fs/promises";
import type { IncomingMessage } from "node:http";
import { pipeline, type Readable } from "node:stream";
import { createBrotliDecompress, createGunzip, createInflate } from "node:zlib";
import type { Upstream } from "./upstream.js";
import { checkedGet, systemLookup, type Lookup } from "./checked-get.js";
import { FetchError } from "./fetch-error.js";

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
  /** Resolves host names (tests map names to loopback); dns.lookup by default. */
  lookup?: Lookup;
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

export { FetchError };

const sleepFor = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Redirects followed within one attempt; one more is refused. */
export const MAX_REDIRECTS = 5;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

async function readCapped(response: IncomingMessage, maxBytes: number): Promise<string> {
  const body = decodedBody(response);
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of body as AsyncIterable<Buffer>) {
    total += chunk.byteLength;
    if (total > maxBytes) {
      body.destroy();
      response.destroy();
      throw new FetchError(`the list is larger than ${maxBytes} bytes`, false);
    }
    chunks.push(chunk);
  }
  return new TextDecoder("utf-8").decode(Buffer.concat(chunks));
}

/** The body as sent, decompressed when the upstream compressed it (the size cap applies to what it decompresses to). */
function decodedBody(response: IncomingMessage): Readable {
  const encoding = String(response.headers["content-encoding"] ?? "identity").trim().toLowerCase();
  const decoder = encoding === "gzip" || encoding === "x-gzip" ? createGunzip() : encoding === "deflate" ? createInflate() : encoding === "br" ? createBrotliDecompress() : undefined;
  if (decoder) return pipeline(response, decoder, () => undefined);
  if (encoding === "identity" || encoding === "") return response;
  response.destroy();
  throw new FetchError(`the upstream sent the list in an unknown encoding (${encoding})`, false);
}

/** Sends the GET, following redirects by hand so every hop's address is checked (see checked-get.ts). */
async function getFollowing(start: URL, headers: Record<string, string>, signal: AbortSignal, o: FetchOptions): Promise<IncomingMessage> {
  const trustedOrigin = start.origin;
  let url = start;
  for (let redirects = 0; ; redirects++) {
    const response = await checkedGet(url, { headers, signal, trustedOrigin, lookup: o.lookup ?? systemLookup });
    const location = response.headers.location;
    if (!REDIRECTS.has(response.statusCode ?? 0) || location === undefined) return response;
    response.destroy();
    if (redirects >= MAX_REDIRECTS) throw new FetchError(`refused to follow more than ${MAX_REDIRECTS} redirects (the last to ${location})`, false);
    try {
      url = new URL(location, url);
    } catch {
      throw new FetchError(`the upstream redirected to an invalid address (${location})`, false);
    }
  }
}

async function fetchOnce(url: string, validators: Validators | undefined, o: FetchOptions): Promise<FetchResult> {
  const headers: Record<string, string> = { "user-agent": o.userAgent, accept: "text/markdown, text/plain;q=0.9, */*;q=0.1", "accept-encoding": "gzip, deflate, br" };
  if (validators?.etag) headers["if-none-match"] = validators.etag;
  if (validators?.lastModified) headers["if-modified-since"] = validators.lastModified;
  const signal = AbortSignal.timeout(o.timeoutMs);
  let response: IncomingMessage;
  try {
    response = await getFollowing(new URL(url), headers, signal, o);
  } catch (error) {
    if (error instanceof FetchError) throw error;
    const code = networkCode(error);
    throw new FetchError(describeNetworkError(error, signal, o.timeoutMs), code === undefined || !PERMANENT_NETWORK_CODES.has(code));
  }
  const status = response.statusCode ?? 0;
  if (status === 304) {
    response.destroy();
    return { kind: "not-modified" };
  }
  if (status < 200 || status > 299) {
    response.destroy();
    const transient = status === 429 || status >= 500;
    throw new FetchError(`HTTP ${status} ${response.statusMessage ?? ""}`.trim(), transient);
  }
  const length = Number(response.headers["content-length"] ?? "0");
  if (length > o.maxBytes) {
    response.destroy();
    throw new FetchError(`the list is larger than ${o.maxBytes} bytes (${length})`, false);
  }
  let text: string;
  try {
    text = await readCapped(response, o.maxBytes);
  } catch (error) {
    if (error instanceof FetchError) throw error;
    throw new FetchError(`the download broke off: ${describeNetworkError(error, signal, o.timeoutMs)}`, true);
  }
  return { kind: "body", text, etag: header(response, "etag"), lastModified: header(response, "last-modified") };
}

function header(response: IncomingMessage, name: string): string | null {
  const value = response.headers[name];
  return typeof value === "string" ? value : null;
}

function describeNetworkError(error: unknown, signal: AbortSignal, timeoutMs: number): string {
  if (signal.aborted || (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError"))) return `no answer within ${timeoutMs} ms`;
  const code = networkCode(error);
  if (code === "ENOTFOUND" || code === "EAI_NONAME") return `no such host (DNS lookup failed: ${code})`;
  if (code === "ECONNREFUSED") return `connection refused: nothing is listening there (${code})`;
  const message = error instanceof Error ? error.message : String(error);
  return code && !message.includes(code) ? `${message} (${code})` : message;
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
 * a plain read for a file. Redirects are followed by hand, at most five, only
 * to http(s) and only to public addresses unless they stay on the configured
 * origin (no request forgery into the operator's network).
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
