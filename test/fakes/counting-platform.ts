import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface Received {
  channel: string;
  key: string;
  kind: string;
}

/**
 * A chat platform reduced to what exactly-once needs: POST /messages creates a
 * message unless its idempotency key was seen (then it answers with the first
 * message, as Discord does for an enforced nonce). It can hang a request after
 * recording it: the sender cannot know whether it was delivered.
 */
export class CountingPlatform {
  readonly requests: Received[] = [];
  readonly messages: Received[] = [];
  /** Hang (record, never answer) the request with this 1-based number. */
  hangOnRequest = 0;
  private server: Server | undefined;
  private readonly waiters: Array<{ count: number; resolve: () => void }> = [];
  private readonly hung = new Set<ServerResponse>();

  get url(): string {
    return `http://127.0.0.1:${(this.server?.address() as AddressInfo).port}/messages`;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server?.listen(0, "127.0.0.1", resolve));
    return this;
  }

  async stop(): Promise<void> {
    for (const res of this.hung) res.destroy();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  /** Resolves once at least `count` requests have arrived. */
  waitForRequests(count: number): Promise<void> {
    if (this.requests.length >= count) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ count, resolve }));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let body = "";
    for await (const chunk of req) body += String(chunk);
    const message = JSON.parse(body) as Received;
    this.requests.push(message);
    let index = this.messages.findIndex((m) => m.key === message.key);
    if (index < 0) index = this.messages.push(message) - 1;
    for (const w of this.waiters.filter((w) => this.requests.length >= w.count)) w.resolve();
    if (this.requests.length === this.hangOnRequest) {
      this.hung.add(res);
      return;
    }
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ id: `msg-${index + 1}` }));
  }
}
