import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Logger } from "../../src/log.js";

export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * The HTTP server on PORT: Slack's /slack/events, and room for other routes
 * (health checks) on the same port through route().
 */
export class HttpEndpoint {
  readonly server: Server;
  private readonly routes = new Map<string, RouteHandler>();

  constructor(private readonly log: Logger) {
    this.server = createServer((req, res) => this.handle(req, res));
  }

  /** Adds a route: exact method and path. */
  route(method: string, path: string, handler: RouteHandler): void {
    this.routes.set(`${method.toUpperCase()} ${path}`, handler);
  }

  listen(port: number, host?: string): Promise<AddressInfo> {
    return new Promise((resolve, reject) => {
      const onError = (error: Error) => reject(error);
      this.server.once("error", onError);
      this.server.listen(port, host, () => {
        this.server.off("error", onError);
        const address = this.server.address();
        if (address === null || typeof address === "string") reject(new Error("the HTTP server has no TCP address"));
        else resolve(address);
      });
    });
  }

  address(): AddressInfo | undefined {
    const address = this.server.address();
    return address !== null && typeof address !== "string" ? address : undefined;
  }

  close(): Promise<void> {
    if (!this.server.listening) return Promise.resolve();
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    const handler = this.routes.get(`${(req.method ?? "GET").toUpperCase()} ${path}`);
    if (!handler) {
      res.writeHead(404).end();
      return;
    }
    try {
      handler(req, res);
    } catch (error) {
      this.log.error({ err: error, path }, "http: route failed");
      if (!res.headersSent) res.writeHead(500);
      res.end();
    }
  }
}
