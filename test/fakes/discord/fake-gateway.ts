import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer, type WebSocket } from "ws";

export interface GatewayIdentity {
  token: string;
  botId: string;
  appId: string;
  guildId: string;
  channelId: string;
  gatewayUrl: () => string;
}

export interface GatewayFrame {
  op: number;
  d: unknown;
  at: number;
}

interface Dispatched {
  s: number;
  t: string;
  d: unknown;
}

/**
 * The gateway side of the fake (JSON text frames, no compression): HELLO,
 * IDENTIFY -> READY + GUILD_CREATE, heartbeat ACKs, RESUME -> replay + RESUMED,
 * and dispatches the test pushes (INTERACTION_CREATE). Records what the client sent.
 */
export class FakeGateway {
  readonly received: GatewayFrame[] = [];
  readonly sessions: string[] = [];
  private readonly wss = new WebSocketServer({ noServer: true });
  private socket: WebSocket | null = null;
  private seq = 0;
  private readonly history: Dispatched[] = [];
  private listeners: Array<() => void> = [];

  constructor(private readonly id: GatewayIdentity) {}

  /** Hands an HTTP upgrade on /gateway to the WebSocket server. */
  upgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.wss.handleUpgrade(request, socket, head, (ws) => this.onConnection(ws));
  }

  /** The socket a session is established on (after READY or RESUMED). */
  get connected(): boolean {
    return this.socket !== null;
  }

  /** Sends a dispatch (op 0) to the live session; kept for replay on RESUME. */
  dispatch(t: string, d: unknown): void {
    const event = { s: ++this.seq, t, d };
    this.history.push(event);
    this.socket?.send(JSON.stringify({ op: 0, ...event }));
  }

  /** Cuts the TCP connection without a close frame, as a network drop does. */
  drop(): void {
    this.socket?.terminate();
    this.socket = null;
  }

  /** Resolves when the client has sent a frame with this op (counting from `after` frames already seen). */
  waitForOp(op: number, after = 0, timeoutMs = 15_000): Promise<GatewayFrame> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = this.received.slice(after).find((f) => f.op === op);
        if (!found) return false;
        clearTimeout(timer);
        this.listeners = this.listeners.filter((l) => l !== listener);
        resolve(found);
        return true;
      };
      const listener = () => void check();
      const timer = setTimeout(() => {
        this.listeners = this.listeners.filter((l) => l !== listener);
        reject(new Error(`fake gateway: no op ${op} within ${timeoutMs} ms`));
      }, timeoutMs);
      if (!check()) this.listeners.push(listener);
    });
  }

  close(): void {
    for (const client of this.wss.clients) client.terminate();
    this.wss.close();
    this.socket = null;
  }

  private onConnection(ws: WebSocket): void {
    ws.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 41_250 }, s: null, t: null }));
    ws.on("message", (data, isBinary) => {
      if (isBinary) return;
      let frame: { op: number; d: unknown };
      try {
        frame = JSON.parse(data.toString()) as { op: number; d: unknown };
      } catch {
        ws.close(4002, "Decode error");
        return;
      }
      this.received.push({ op: frame.op, d: frame.d, at: performance.now() });
      this.onFrame(ws, frame);
      for (const listener of [...this.listeners]) listener();
    });
    ws.on("close", () => {
      if (this.socket === ws) this.socket = null;
    });
  }

  private onFrame(ws: WebSocket, frame: { op: number; d: unknown }): void {
    const d = (frame.d ?? {}) as Record<string, unknown>;
    switch (frame.op) {
      case 1:
        ws.send(JSON.stringify({ op: 11, d: null, s: null, t: null }));
        return;
      case 2: {
        if (d.token !== this.id.token) {
          ws.close(4004, "Authentication failed.");
          return;
        }
        this.socket = ws;
        const session = `session-${this.sessions.length + 1}`;
        this.sessions.push(session);
        this.dispatch("READY", this.ready(session));
        this.dispatch("GUILD_CREATE", this.guild());
        return;
      }
      case 6: {
        if (!this.sessions.includes(String(d.session_id)) || d.token !== this.id.token) {
          ws.send(JSON.stringify({ op: 9, d: false, s: null, t: null }));
          return;
        }
        this.socket = ws;
        const since = Number(d.seq ?? 0);
        for (const missed of this.history.filter((e) => e.s > since)) ws.send(JSON.stringify({ op: 0, ...missed }));
        this.dispatch("RESUMED", null);
        return;
      }
    }
  }

  private ready(session: string) {
    return {
      v: 10,
      user: { id: this.id.botId, username: "mss-bot", discriminator: "0", global_name: null, avatar: null, bot: true, flags: 0 },
      guilds: [{ id: this.id.guildId, unavailable: true }],
      session_id: session,
      resume_gateway_url: this.id.gatewayUrl(),
      application: { id: this.id.appId, flags: 0 },
      shard: [0, 1],
      private_channels: [],
    };
  }

  private guild() {
    const { guildId, channelId } = this.id;
    return {
      id: guildId,
      name: "Reading group",
      icon: null,
      owner_id: "100000000000000001",
      afk_channel_id: null,
      afk_timeout: 300,
      verification_level: 0,
      default_message_notifications: 0,
      explicit_content_filter: 0,
      mfa_level: 0,
      premium_tier: 0,
      system_channel_flags: 0,
      preferred_locale: "en-US",
      nsfw_level: 0,
      features: [],
      roles: [{ id: guildId, name: "@everyone", permissions: "2248473465835073", position: 0, color: 0, hoist: false, managed: false, mentionable: false, flags: 0 }],
      emojis: [],
      stickers: [],
      channels: [{ id: channelId, type: 0, guild_id: guildId, name: "papers", position: 0, permission_overwrites: [], nsfw: false, parent_id: null, topic: null, last_message_id: null, rate_limit_per_user: 0 }],
      threads: [],
      members: [],
      presences: [],
      voice_states: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
      member_count: 2,
      large: false,
      joined_at: "2026-01-01T00:00:00.000000+00:00",
      unavailable: false,
    };
  }
}
