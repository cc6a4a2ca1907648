import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { WebSocketServer, type WebSocket } from "ws";
import { askUploadUrl, completeUploads, receiveUpload, type FileUpload } from "./fake-uploads.js";
import { json, parseArgs, readRaw, type Behaviour } from "./slack-wire.js";

export type { Behaviour, FileUpload };

/**
 * A fake Slack on 127.0.0.1 speaking the real wire protocol, for driving the
 * real Bolt app and WebClient:
 * - the Web API: POST /api/<method>, form-encoded (auth.test, chat.postMessage, chat.update,
 *   users.info, conversations.history, conversations.open, apps.connections.open);
 * - file uploads: files.getUploadURLExternal hands out a loopback upload URL, POST /upload/<file id>
 *   takes the bytes (multipart or raw), files.completeUploadExternal shares them in a channel;
 * - response_url: POST /respond/<id>, JSON bodies recorded;
 * - Socket Mode: the WebSocket at /socket that apps.connections.open hands out.
 * Calls can be scripted to fail the ways Slack fails.
 */

export interface ApiCall {
  method: string;
  args: Record<string, unknown>;
  authorization: string | undefined;
}

export interface PostedMessage {
  channel: string;
  ts: string;
  text: unknown;
  blocks: unknown;
  metadata: unknown;
  unfurl_links: unknown;
  unfurl_media: unknown;
  /** The parent message's ts for a reply in its thread. */
  thread_ts?: string;
}

export interface ResponseUrlPost {
  id: string;
  body: Record<string, unknown>;
}

export interface SlackUser {
  is_admin?: boolean;
  is_owner?: boolean;
  is_primary_owner?: boolean;
}

export class FakeSlack {
  readonly calls: ApiCall[] = [];
  readonly posted: PostedMessage[] = [];
  /** chat.update calls that found their message (which then holds the new text and blocks). */
  readonly updates: Array<{ channel: string; ts: string; text: unknown; blocks: unknown }> = [];
  readonly responses: ResponseUrlPost[] = [];
  readonly users = new Map<string, SlackUser>();
  /** Files through the external upload flow, by file id, in the order they were asked for. */
  readonly uploads = new Map<string, FileUpload>();
  /** Socket Mode acknowledgements received, by envelope id. */
  readonly acks = new Map<string, unknown>();
  private readonly scripts = new Map<string, Behaviour[]>();
  /** chat.postMessage behaviours per channel, used before the method's script. */
  private readonly channelScripts = new Map<string, Behaviour[]>();
  /** Like Slack's per-channel limit: a post within this long of the channel's previous one gets a 429 (0: off). */
  paceMs = 0;
  private readonly lastPost = new Map<string, number>();
  /** When set, the first chat.postMessage of each announcement (by its metadata key) behaves like this, later ones succeed. */
  failEachFirstPost: Behaviour | undefined;
  private readonly keysSeen = new Set<string>();
  /** chat.postMessage calls refused with a 429 by the per-channel refusal mode. */
  paceRefusals = 0;
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly server: Server;
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly connections = new Set<Socket>();
  private readonly hung: ServerResponse[] = [];
  private readonly waitingAcks = new Map<string, (payload: unknown) => void>();
  private seq = 0;
  private port = 0;
  /** The current Socket Mode connection, if any. */
  socket: WebSocket | undefined;

  constructor() {
    this.server = createServer((req, res) => {
      void this.handle(req, res).catch((error: unknown) => {
        if (!res.headersSent) json(res, 500, { ok: false, error: String(error) });
      });
    });
    this.server.on("connection", (socket) => {
      this.connections.add(socket);
      socket.on("close", () => this.connections.delete(socket));
    });
    this.server.on("upgrade", (req, socket, head) => {
      if (new URL(req.url ?? "/", "http://x").pathname !== "/socket") {
        socket.destroy();
        return;
      }
      this.wss.handleUpgrade(req, socket, head, (ws) => this.onSocket(ws));
    });
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api/`;
  }

  responseUrl(id: string = randomUUID()): string {
    return `http://127.0.0.1:${this.port}/respond/${id}`;
  }

  /** The next calls of `method` behave like this, in order; later calls succeed. */
  script(method: string, ...behaviours: Behaviour[]): void {
    this.scripts.set(method, [...(this.scripts.get(method) ?? []), ...behaviours]);
  }

  /** The next chat.postMessage calls to `channel` behave like this, in order; later ones succeed. */
  scriptChannel(channel: string, ...behaviours: Behaviour[]): void {
    this.channelScripts.set(channel, [...(this.channelScripts.get(channel) ?? []), ...behaviours]);
  }

  /** Top-level messages of a channel, in the order Slack stored them. */
  postedIn(channel: string): PostedMessage[] {
    return this.posted.filter((m) => m.channel === channel && m.thread_ts === undefined);
  }

  callsOf(method: string): ApiCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  responsesTo(url: string): Array<Record<string, unknown>> {
    const id = url.slice(url.lastIndexOf("/") + 1);
    return this.responses.filter((r) => r.id === id).map((r) => r.body);
  }

  /** Sends a Socket Mode envelope and resolves with the app's acknowledgement payload. */
  sendEnvelope(type: string, payload: Record<string, unknown>): Promise<unknown> {
    const socket = this.socket;
    if (!socket) return Promise.reject(new Error("no Socket Mode connection"));
    const envelopeId = randomUUID();
    const acked = new Promise<unknown>((resolve) => this.waitingAcks.set(envelopeId, resolve));
    socket.send(JSON.stringify({ envelope_id: envelopeId, type, payload, accepts_response_payload: type === "slash_commands" }));
    return acked;
  }

  async close(): Promise<void> {
    for (const res of this.hung) res.destroy();
    for (const timer of this.timers) clearTimeout(timer);
    for (const client of this.wss.clients) client.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    for (const socket of this.connections) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private onSocket(ws: WebSocket): void {
    this.socket = ws;
    ws.on("message", (data) => {
      const message = JSON.parse(String(data)) as { envelope_id?: string; payload?: unknown };
      if (!message.envelope_id) return;
      this.acks.set(message.envelope_id, message.payload);
      this.waitingAcks.get(message.envelope_id)?.(message.payload);
      this.waitingAcks.delete(message.envelope_id);
    });
    ws.on("close", () => {
      if (this.socket === ws) this.socket = undefined;
    });
    ws.send(JSON.stringify({ type: "hello", num_connections: 1, debug_info: { host: "fake" }, connection_info: { app_id: "A0FAKE" } }));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? "/", "http://x").pathname;
    const raw = await readRaw(req);
    if (path.startsWith("/upload/")) {
      // Like files.slack.com: the bytes of a file id handed out by files.getUploadURLExternal, "OK - <length>".
      const length = await receiveUpload(this.uploads, path.slice("/upload/".length), raw, req.headers["content-type"]);
      if (length === undefined) res.writeHead(404, { "content-type": "text/plain" }).end("not found");
      else res.writeHead(200, { "content-type": "text/plain" }).end(`OK - ${length}`);
      return;
    }
    const body = raw.toString("utf8");
    if (path.startsWith("/respond/")) {
      this.responses.push({ id: path.slice("/respond/".length), body: JSON.parse(body) as Record<string, unknown> });
      res.writeHead(200, { "content-type": "text/plain" }).end("ok");
      return;
    }
    if (!path.startsWith("/api/")) {
      res.writeHead(404).end();
      return;
    }
    const method = path.slice("/api/".length);
    const args = parseArgs(body, req.headers["content-type"]);
    this.calls.push({ method, args, authorization: req.headers.authorization });
    const channel = method === "chat.postMessage" ? String(args.channel) : undefined;
    const behaviour = (channel === undefined ? undefined : (this.channelScripts.get(channel)?.shift() ?? this.firstPostFault(args))) ?? this.scripts.get(method)?.shift();
    if (channel !== undefined && this.paceMs > 0 && behaviour === undefined) {
      const since = performance.now() - (this.lastPost.get(channel) ?? -Infinity);
      if (since < this.paceMs) {
        this.paceRefusals++;
        return json(res, 429, { ok: false, error: "ratelimited" }, { "retry-after": String(Math.ceil((this.paceMs - since) / 1000)) });
      }
      this.lastPost.set(channel, performance.now());
    }
    switch (behaviour?.kind) {
      case "error":
        if (behaviour.stored) this.answer(method, args);
        return json(res, 200, { ok: false, error: behaviour.error, ...behaviour.extra });
      case "ratelimited":
        return json(res, 429, { ok: false, error: "ratelimited" }, { "retry-after": String(behaviour.retryAfter) });
      case "status":
        res.writeHead(behaviour.status, { "content-type": "text/html" }).end("<html><body>upstream error</body></html>");
        return;
      case "reset":
        req.socket.destroy();
        return;
      case "hang":
        this.answer(method, args);
        this.hung.push(res);
        return;
      case "hold":
        await behaviour.until;
        return json(res, 200, this.answer(method, args));
      case "late": {
        const answer = this.answer(method, args);
        const timer = setTimeout(() => {
          this.timers.delete(timer);
          if (!res.destroyed) json(res, 200, answer);
        }, behaviour.ms);
        this.timers.add(timer);
        return;
      }
      case undefined:
        return json(res, 200, this.answer(method, args));
    }
  }

  private firstPostFault(args: Record<string, unknown>): Behaviour | undefined {
    const key = (args.metadata as { event_payload?: { key?: unknown } } | undefined)?.event_payload?.key;
    if (!this.failEachFirstPost || typeof key !== "string" || this.keysSeen.has(key)) return undefined;
    this.keysSeen.add(key);
    return this.failEachFirstPost;
  }

  private answer(method: string, args: Record<string, unknown>): Record<string, unknown> {
    switch (method) {
      case "auth.test":
        return { ok: true, url: "https://fake.slack.com/", team: "Fake", user: "mss-bot", team_id: "T0FAKE", user_id: "U0BOT", bot_id: "B0BOT" };
      case "apps.connections.open":
        return { ok: true, url: `ws://127.0.0.1:${this.port}/socket` };
      case "users.info": {
        const id = String(args.user);
        const user = this.users.get(id);
        return user ? { ok: true, user: { id, name: id.toLowerCase(), ...user } } : { ok: false, error: "user_not_found" };
      }
      case "chat.postMessage": {
        const channel = String(args.channel);
        const ts = `${Math.floor(Date.now() / 1000)}.${String(++this.seq).padStart(6, "0")}`;
        const message: PostedMessage = { channel, ts, text: args.text, blocks: args.blocks, metadata: args.metadata, unfurl_links: args.unfurl_links, unfurl_media: args.unfurl_media };
        if (args.thread_ts !== undefined) message.thread_ts = String(args.thread_ts);
        this.posted.push(message);
        return { ok: true, channel, ts, message: { type: "message", ts, text: args.text, bot_id: "B0BOT" } };
      }
      case "chat.update": {
        // Like Slack: only a message of the channel can be updated; its text and blocks are replaced.
        const message = this.posted.find((m) => m.channel === String(args.channel) && m.ts === String(args.ts));
        if (!message) return { ok: false, error: "message_not_found" };
        message.text = args.text;
        message.blocks = args.blocks;
        this.updates.push({ channel: message.channel, ts: message.ts, text: args.text, blocks: args.blocks });
        return { ok: true, channel: message.channel, ts: message.ts, text: args.text };
      }
      case "conversations.open": {
        // The bot's IM channel with the user: the same id every time, as Slack answers.
        const users = String(args.users ?? "");
        if (!/^[UW][A-Z0-9]{2,20}$/.test(users)) return { ok: false, error: "user_not_found" };
        return { ok: true, channel: { id: `D${users.slice(1)}` } };
      }
      case "conversations.history": {
        const oldest = Number(args.oldest ?? 0);
        const withMetadata = String(args.include_all_metadata) === "true";
        const messages = this.posted
          .filter((m) => m.channel === args.channel && Number(m.ts) > oldest)
          .reverse()
          .slice(0, Number(args.limit ?? 100))
          .map((m) => ({ type: "message", ts: m.ts, text: m.text, bot_id: "B0BOT", ...(withMetadata && m.metadata ? { metadata: m.metadata } : {}) }));
        return { ok: true, messages, has_more: false, response_metadata: { next_cursor: "" } };
      }
      case "files.getUploadURLExternal":
        return askUploadUrl(this.uploads, args, (fileId) => `http://127.0.0.1:${this.port}/upload/${fileId}`, () => `F${String(++this.seq).padStart(8, "0")}`);
      case "files.completeUploadExternal":
        return completeUploads(this.uploads, args);
      default:
        return { ok: false, error: "unknown_method" };
    }
  }
}
