import { EventEmitter } from "node:events";
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { undocumentedFields, type Undocumented } from "./documented-fields.js";
import { FakeGateway } from "./fake-gateway.js";
import { readBody } from "./read-body.js";

export interface Recorded {
  method: string;
  /** Decoded path under /api/v10, e.g. "/webhooks/1/tok/messages/@original". */
  path: string;
  /** For a channel message the fake stored: the id it answered with. */
  messageId?: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** The JSON body (payload_json of a multipart body). */
  body: any;
  /** Files of a multipart body (form fields files[n]): name, text, the bytes as sent and their content type. */
  files: Array<{ name: string; content: string; data: Buffer; type: string }>;
  at: number;
}

export interface ScriptedResponse {
  /** The request takes effect as usual (a message is stored) before this answer replaces the normal one. */
  afterStoring?: boolean;
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

export const IDS = {
  token: "fake-bot-token",
  botId: "200000000000000001",
  appId: "300000000000000001",
  guildId: "400000000000000001",
  channelId: "500000000000000001",
} as const;

let nextId = 700000000000000000n;
export const snowflake = (): string => String(++nextId);

/**
 * A loopback Discord for the real discord.js client: the REST API under
 * /api/v10 (gateway/bot, command PUTs, interaction callbacks, webhook edits,
 * channel messages with nonce de-duplication, DM channels) and the gateway on /gateway.
 * Records every request; tests script failures with `failNext`.
 */
export class FakeDiscord extends EventEmitter {
  readonly requests: Recorded[] = [];
  readonly gateway: FakeGateway;
  /** Messages posted to channels, by channel id, after nonce de-duplication. */
  readonly posted: Recorded[] = [];
  /** Answer 401 to every authenticated request (a revoked token). */
  rejectToken = false;
  /** Refuse gateway WebSocket connections (the API answers, the gateway is unreachable). */
  gatewayDown = false;
  /** Text channels of the guild (the bot can see and post in each). */
  readonly channels = new Set<string>([IDS.channelId]);
  /** Delay before answering a channel message post (a slow platform, so a batch takes a while). */
  messageDelayMs = 0;
  private readonly scripted: Array<{ match: (r: Recorded) => boolean; response: ScriptedResponse }> = [];
  /** When set, the first channel message post of each nonce gets this answer; its repeat is served as usual. */
  failEachFirstPost: ScriptedResponse | undefined;
  private readonly noncesSeen = new Set<string>();
  private readonly late: Array<{ match: (r: Recorded) => boolean; ms: number }> = [];
  private readonly nonces = new Map<string, unknown>();
  /** DM channels opened with POST /users/@me/channels: recipient user id -> channel id. */
  readonly dmChannels = new Map<string, string>();
  /** Threads started on messages (POST /channels/:c/messages/:m/threads): thread id (= message id) -> name. */
  readonly threads = new Map<string, string>();
  /** Message edits (PATCH /channels/:c/messages/:m) that found the bot's message; messageId is the edited one. */
  readonly edits: Recorded[] = [];
  /** Message bodies with fields Discord's API spec does not define for their route (documented-fields.ts). */
  readonly undocumented: Undocumented[] = [];
  private port = 0;

  private constructor(private readonly server: Server) {
    super();
    this.setMaxListeners(100);
    this.gateway = new FakeGateway({ ...IDS, gatewayUrl: () => `ws://127.0.0.1:${this.port}/gateway` });
  }

  static async start(): Promise<FakeDiscord> {
    const server = createServer();
    const fake = new FakeDiscord(server);
    server.on("request", (req, res) => void fake.onRequest(req, res));
    server.on("upgrade", (req, socket, head) => {
      if (req.url?.startsWith("/gateway") && !fake.gatewayDown) fake.gateway.upgrade(req, socket, head);
      else socket.destroy();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    fake.port = (server.address() as AddressInfo).port;
    return fake;
  }

  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  /** The next request `match` accepts gets this response instead of the normal one (it is still recorded). */
  failNext(match: (r: Recorded) => boolean, response: ScriptedResponse): void {
    this.scripted.push({ match, response });
  }

  /** The next request `match` accepts takes effect at once, but its normal answer comes only after `ms` (past the client's timeout). */
  lateNext(match: (r: Recorded) => boolean, ms: number): void {
    this.late.push({ match, ms });
  }

  /** Resolves with the first recorded request (from index `after` on) that `match` accepts. */
  waitForRequest(match: (r: Recorded) => boolean, after = 0, timeoutMs = 15_000): Promise<Recorded> {
    const found = this.requests.slice(after).find(match);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const onRequest = (r: Recorded) => {
        if (!match(r)) return;
        clearTimeout(timer);
        this.off("request", onRequest);
        resolve(r);
      };
      const timer = setTimeout(() => {
        this.off("request", onRequest);
        reject(new Error(`fake discord: no matching request within ${timeoutMs} ms; got ${this.requests.slice(after).map((r) => `${r.method} ${r.path}`).join(", ") || "none"}`));
      }, timeoutMs);
      this.on("request", onRequest);
    });
  }

  /** Pushes an INTERACTION_CREATE and resolves with the bot's callback for it. */
  async interact(interaction: { id: string; token: string }): Promise<Recorded> {
    const after = this.requests.length;
    this.gateway.dispatch("INTERACTION_CREATE", interaction);
    return this.waitForRequest((r) => r.method === "POST" && r.path === `/interactions/${interaction.id}/${interaction.token}/callback`, after);
  }

  async stop(): Promise<void> {
    this.gateway.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const recorded: Recorded = {
      method: req.method ?? "GET",
      path: decodeURIComponent(url.pathname.replace(/^\/api\/v10/, "")),
      query: url.searchParams,
      headers: req.headers,
      body: undefined,
      files: [],
      at: performance.now(),
    };
    await readBody(recorded, Buffer.concat(chunks), String(req.headers["content-type"] ?? ""));
    this.requests.push(recorded);
    const undocumented = undocumentedFields(recorded);
    if (undocumented) this.undocumented.push(undocumented);
    const { status, headers, body } = this.respond(recorded);
    const late = this.late.findIndex((l) => l.match(recorded));
    if (late >= 0) {
      const ms = this.late.splice(late, 1)[0]?.ms ?? 0;
      await new Promise((resolve) => setTimeout(resolve, ms));
      if (res.destroyed) return;
    }
    if (this.messageDelayMs > 0 && recorded.method === "POST" && /^\/channels\/\d+\/messages$/.test(recorded.path)) {
      await new Promise((resolve) => setTimeout(resolve, this.messageDelayMs));
    }
    res.writeHead(status, { ...(body === undefined ? {} : { "content-type": "application/json" }), ...headers });
    res.end(body === undefined ? undefined : JSON.stringify(body));
    this.emit("request", recorded);
  }

  private respond(r: Recorded): ScriptedResponse {
    const scripted = this.scripted.findIndex((s) => s.match(r));
    const response = scripted >= 0 ? this.scripted.splice(scripted, 1)[0]?.response : this.firstPostFault(r);
    if (response?.afterStoring) this.route(r);
    if (response) return response;
    const authed = !r.path.startsWith("/interactions/") && !r.path.startsWith("/webhooks/");
    if (authed && (this.rejectToken || r.headers.authorization !== `Bot ${IDS.token}`)) return { status: 401, body: { message: "401: Unauthorized", code: 0 } };
    return this.route(r);
  }

  private firstPostFault(r: Recorded): ScriptedResponse | undefined {
    const nonce = r.body?.nonce;
    if (!this.failEachFirstPost || r.method !== "POST" || !/^\/channels\/\d+\/messages$/.test(r.path) || typeof nonce !== "string" || this.noncesSeen.has(nonce)) return undefined;
    this.noncesSeen.add(nonce);
    return this.failEachFirstPost;
  }

  private route(r: Recorded): ScriptedResponse {
    const { method, path } = r;
    let m: RegExpExecArray | null;
    if (method === "GET" && path === "/gateway/bot") {
      return { status: 200, body: { url: `ws://127.0.0.1:${this.port}/gateway`, shards: 1, session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 } } };
    }
    if (method === "GET" && path === "/applications/@me") return { status: 200, body: { id: IDS.appId, name: "mss-bot", flags: 0, bot_public: true } };
    if (method === "PUT" && (m = /^\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/.exec(path))) {
      const body = Array.isArray(r.body) ? r.body : [];
      return { status: 200, body: body.map((c: object) => ({ ...c, id: snowflake(), application_id: m?.[1], ...(m?.[2] ? { guild_id: m[2] } : {}), version: snowflake() })) };
    }
    if (method === "POST" && /^\/interactions\/\d+\/[^/]+\/callback$/.test(path)) return { status: 204 };
    if ((m = /^\/webhooks\/(\d+)\/([^/]+)(\/messages\/@original)?$/.exec(path))) {
      if (method === "DELETE") return { status: 204 };
      return { status: 200, body: messageObject(IDS.channelId, r.body) };
    }
    if (method === "POST" && path === "/users/@me/channels") {
      // Like Discord: opening a DM again returns the same channel.
      const recipient = String(r.body?.recipient_id ?? "");
      if (!/^\d{15,25}$/.test(recipient)) return { status: 400, body: { message: "Invalid Form Body", code: 50035 } };
      const id = this.dmChannels.get(recipient) ?? snowflake();
      this.dmChannels.set(recipient, id);
      return { status: 200, body: { id, type: 1, last_message_id: null, flags: 0, recipients: [{ id: recipient, username: `user${recipient.slice(-4)}`, discriminator: "0", global_name: null, avatar: null }] } };
    }
    if (method === "POST" && (m = /^\/channels\/(\d+)\/messages\/(\d+)\/threads$/.exec(path))) {
      const [channelId, messageId] = [m[1] as string, m[2] as string];
      if (!this.channels.has(channelId)) return { status: 404, body: { message: "Unknown Channel", code: 10003 } };
      if (!this.posted.some((p) => p.messageId === messageId)) return { status: 404, body: { message: "Unknown Message", code: 10008 } };
      if (this.threads.has(messageId)) return { status: 400, body: { message: "A thread has already been created for this message", code: 160004 } };
      const name = String(r.body?.name ?? "");
      this.threads.set(messageId, name);
      return {
        status: 201,
        body: { id: messageId, type: 11, guild_id: IDS.guildId, parent_id: channelId, name, owner_id: IDS.botId, message_count: 0, member_count: 1, thread_metadata: { archived: false, auto_archive_duration: r.body?.auto_archive_duration ?? 4320, archive_timestamp: new Date().toISOString(), locked: false } },
      };
    }
    if (method === "PATCH" && (m = /^\/channels\/(\d+)\/messages\/(\d+)$/.exec(path))) {
      // Like Discord: the bot edits its own message of that channel; the message takes the new content.
      const [channelId, messageId] = [m[1] as string, m[2] as string];
      const original = this.posted.find((p) => p.messageId === messageId && p.path === `/channels/${channelId}/messages`);
      if (!original) return { status: 404, body: { message: "Unknown Message", code: 10008 } };
      r.messageId = messageId;
      this.edits.push(r);
      return { status: 200, body: { ...messageObject(channelId, { ...original.body, ...r.body }), id: messageId, edited_timestamp: new Date().toISOString() } };
    }
    if ((m = /^\/channels\/(\d+)(\/messages)?$/.exec(path))) {
      const channelId = m[1] as string;
      if (this.threads.has(channelId) && method === "POST" && m[2]) return this.postMessage(channelId, r);
      const isDm = [...this.dmChannels.values()].includes(channelId);
      if (isDm && method === "POST" && m[2]) return this.postMessage(channelId, r);
      if (!this.channels.has(channelId)) return { status: 404, body: { message: "Unknown Channel", code: 10003 } };
      if (method === "GET" && !m[2]) return { status: 200, body: { id: channelId, type: 0, guild_id: IDS.guildId, name: "papers", position: 0, permission_overwrites: [] } };
      if (method === "POST" && m[2]) return this.postMessage(channelId, r);
    }
    return { status: 404, body: { message: "404: Not Found", code: 0 } };
  }

  // Like Discord: with enforce_nonce, a nonce seen recently returns the earlier message instead of a new one.
  private postMessage(channelId: string, r: Recorded): ScriptedResponse {
    const nonce = r.body?.nonce;
    const key = `${channelId}:${String(nonce)}`;
    if (r.body?.enforce_nonce && nonce !== undefined && this.nonces.has(key)) return { status: 200, body: this.nonces.get(key) };
    const message = messageObject(channelId, r.body);
    if (nonce !== undefined) this.nonces.set(key, message);
    r.messageId = message.id;
    this.posted.push(r);
    return { status: 200, body: message };
  }
}

/** A message object as Discord returns it. */
export function messageObject(channelId: string, body: any = {}) {
  return {
    id: snowflake(),
    channel_id: channelId,
    author: { id: IDS.botId, username: "mss-bot", discriminator: "0", global_name: null, avatar: null, bot: true },
    content: body?.content ?? "",
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: body?.embeds ?? [],
    components: body?.components ?? [],
    pinned: false,
    type: 0,
    flags: body?.flags ?? 0,
    application_id: IDS.appId,
    ...(body?.nonce !== undefined ? { nonce: body.nonce } : {}),
  };
}
