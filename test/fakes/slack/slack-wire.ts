/** The Web API's wire format as the fake Slack reads and writes it, and the ways a call can be scripted to fail. */
import type { IncomingMessage, ServerResponse } from "node:http";

export type Behaviour =
  /** HTTP 200 with {ok:false, error}; with `stored`, the post was stored first (Slack's internal_error after the write). */
  | { kind: "error"; error: string; extra?: Record<string, unknown>; stored?: boolean }
  /** HTTP 429 with Retry-After. */
  | { kind: "ratelimited"; retryAfter: number }
  /** An HTTP status with an HTML body (a proxy's 503). */
  | { kind: "status"; status: number }
  /** The connection is dropped before any answer. */
  | { kind: "reset" }
  /** The call takes effect (a post is stored) but the answer never comes. */
  | { kind: "hang" }
  /** The answer waits until the test lets it go, then is the normal one. */
  | { kind: "hold"; until: Promise<void> }
  /** The call takes effect at once, the answer comes after `ms` (past the client's timeout: an ambiguous post). */
  | { kind: "late"; ms: number };

export const readRaw = (req: IncomingMessage): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });

/** Form fields as the WebClient sends them; JSON-looking values (blocks, metadata) decoded. */
export function parseArgs(body: string, contentType: string | undefined): Record<string, unknown> {
  if (contentType?.includes("application/json")) return JSON.parse(body || "{}") as Record<string, unknown>;
  const args: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(body)) {
    if (/^[[{]/.test(value)) {
      try {
        args[key] = JSON.parse(value);
        continue;
      } catch {
        // keep the string
      }
    }
    args[key] = value;
  }
  return args;
}

export function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "content-type": "application/json", ...headers }).end(JSON.stringify(body));
}

