import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** What the next requests get instead of an answer: 429 with Retry-After seconds, a 500, no answer, or a broken body. */
export type SourceFault = { kind: "429"; retryAfter: string } | { kind: "500" } | { kind: "timeout" } | { kind: "malformed" };

export interface SourceRequest {
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage["headers"];
  /** When it arrived, on the test's clock. */
  at: number;
  status: number;
}

export interface Answer {
  status: number;
  contentType: string;
  body: string;
}

/**
 * A loopback HTTP server for one scholarly source: each fake routes its own
 * paths; this records every request with the test clock's time and injects
 * faults on demand, one per request.
 */
export abstract class FakeSourceServer {
  readonly requests: SourceRequest[] = [];
  private faults: SourceFault[] = [];
  private server: Server | undefined;
  private readonly hanging = new Set<ServerResponse>();

  constructor(private readonly clock: { now(): number } = { now: () => Date.now() }) {}

  protected abstract route(path: string, query: URLSearchParams): Answer;
  /** A body of the right content type that does not parse. */
  protected abstract malformed(): Answer;

  fail(...faults: SourceFault[]): void {
    this.faults.push(...faults);
  }

  get url(): string {
    const { port } = this.server?.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => this.handle(req, res));
    await new Promise<void>((resolve) => this.server?.listen(0, "127.0.0.1", resolve));
    return this;
  }

  async stop(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const log = (status: number) => this.requests.push({ path: decodeURIComponent(url.pathname), query: url.searchParams, headers: req.headers, at: this.clock.now(), status });
    const fault = this.faults.shift();
    if (fault?.kind === "timeout") {
      log(0);
      this.hanging.add(res);
      return;
    }
    if (fault?.kind === "429") {
      log(429);
      res.writeHead(429, { "content-type": "text/plain", "retry-after": fault.retryAfter }).end("Too Many Requests");
      return;
    }
    if (fault?.kind === "500") {
      log(500);
      res.writeHead(500, { "content-type": "text/plain" }).end("Internal Server Error");
      return;
    }
    const answer = fault?.kind === "malformed" ? this.malformed() : this.route(decodeURIComponent(url.pathname), url.searchParams);
    log(answer.status);
    res.writeHead(answer.status, { "content-type": answer.contentType }).end(answer.body);
  }
}
