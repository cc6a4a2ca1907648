import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** What the next requests get instead of the current version. */
export type Fault = "500" | "503" | "404" | "timeout" | "html" | "truncated-body" | "empty" | "huge" | "reset";

export interface UpstreamRequest {
  ifNoneMatch: string | undefined;
  ifModifiedSince: string | undefined;
  userAgent: string | undefined;
  status: number;
}

/**
 * A local upstream serving versions of the list over HTTP with ETag and
 * Last-Modified (answering 304 to a matching conditional GET), and faults on
 * demand: 5xx, timeouts, HTML error pages, broken-off bodies, empty and huge bodies.
 */
export class FakeUpstream {
  readonly requests: UpstreamRequest[] = [];
  private body = "";
  private etag = "";
  private lastModified = new Date("2026-11-01T00:00:00Z").toUTCString();
  private faults: Fault[] = [];
  private redirects: string[] = [];
  private server: Server | undefined;
  private readonly hanging = new Set<ServerResponse>();
  /** Delay before answering, to make overlapping requests observable. */
  delayMs = 0;
  inFlight = 0;
  maxInFlight = 0;

  serve(text: string): void {
    this.body = text;
    this.etag = `"${createHash("sha1").update(text).digest("hex").slice(0, 12)}"`;
    this.lastModified = new Date(Date.parse(this.lastModified) + 60_000).toUTCString();
  }

  /** The next requests fail in these ways, one fault per request, then the current version is served again. */
  fail(...faults: Fault[]): void {
    this.faults.push(...faults);
  }

  /**
   * The next requests answer 302 to these locations, one per request. A path
   * `/hop/N` on this server redirects to `/hop/N-1`, and `/hop/0` serves the
   * list, so `redirectNext("/hop/4")` makes a chain of five redirects.
   */
  redirectNext(...locations: string[]): void {
    this.redirects.push(...locations);
  }

  get url(): string {
    const { port } = this.server?.address() as AddressInfo;
    return `http://127.0.0.1:${port}/MSS-Papers/README.md`;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      this.inFlight++;
      this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
      res.on("close", () => this.inFlight--);
      setTimeout(() => this.handle(req, res), this.delayMs);
    });
    await new Promise<void>((resolve) => this.server?.listen(0, "127.0.0.1", resolve));
    return this;
  }

  async stop(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  private record(req: IncomingMessage, status: number): void {
    this.requests.push({ ifNoneMatch: req.headers["if-none-match"], ifModifiedSince: req.headers["if-modified-since"], userAgent: req.headers["user-agent"], status });
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const hop = /^\/hop\/(\d+)$/.exec(req.url ?? "");
    const location = hop && hop[1] !== "0" ? `/hop/${Number(hop[1]) - 1}` : hop ? undefined : this.redirects.shift();
    if (location !== undefined) {
      this.record(req, 302);
      res.writeHead(302, { location }).end();
      return;
    }
    const fault = this.faults.shift();
    switch (fault) {
      case "500":
      case "503":
      case "404":
        this.record(req, Number(fault));
        res.writeHead(Number(fault), { "content-type": "text/plain" }).end("upstream trouble");
        return;
      case "timeout":
        this.record(req, 0);
        this.hanging.add(res);
        return;
      case "html":
        this.record(req, 200);
        res.writeHead(200, { "content-type": "text/html" }).end("<!DOCTYPE html><html><body><h1>Rate limit exceeded</h1></body></html>");
        return;
      case "truncated-body":
        this.record(req, 200);
        res.writeHead(200, { "content-length": String(Buffer.byteLength(this.body)) });
        res.write(this.body.slice(0, Math.floor(this.body.length / 2)));
        res.destroy();
        return;
      case "empty":
        this.record(req, 200);
        res.writeHead(200, { "content-type": "text/markdown" }).end("");
        return;
      case "huge":
        this.record(req, 200);
        res.writeHead(200, { "content-type": "text/markdown" });
        res.end(`${this.body}\n${"x".repeat(6 * 1024 * 1024)}`);
        return;
      case "reset":
        this.record(req, 0);
        req.socket.destroy();
        return;
      case undefined:
        break;
    }
    if (req.headers["if-none-match"] === this.etag || (req.headers["if-modified-since"] === this.lastModified && !req.headers["if-none-match"])) {
      this.record(req, 304);
      res.writeHead(304, { etag: this.etag }).end();
      return;
    }
    this.record(req, 200);
    res.writeHead(200, { "content-type": "text/markdown; charset=utf-8", etag: this.etag, "last-modified": this.lastModified }).end(this.body);
  }
}
