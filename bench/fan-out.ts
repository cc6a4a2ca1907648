// Fan-out of one announcement to many subscribed Discord channels, through the
// real deliverer, the real DiscordAnnouncer and discord.js REST, against a
// loopback Discord REST that adds 50 ms to every request and enforces the
// global 50 requests/s (a 429 with X-RateLimit-Global past it). The floor is
// channels / 50 per second. Beside it: one row at a time, as the deliverer
// delivered before (concurrencyCap 1).
// Alone: `npx tsx bench/fan-out.ts [--quick]`; `npm run bench` includes it.
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { DiscordAnnouncer } from "../adapters/discord/delivery/announcer.js";
import { createAnnouncerRest } from "../adapters/discord/rest-options.js";
import { silentLogger } from "../src/log.js";
import { openStore } from "../src/store/store.js";
import { Deliverer, type DelivererOptions } from "../src/sync/deliverer.js";

export const LATENCY_MS = 50;
export const GLOBAL_PER_SECOND = 50;

/** A Discord REST reduced to channel posts: 50 ms per request, 50 requests/s (a bucket of 50 refilled at 50/s), per-channel bucket headers. */
class SlowDiscord {
  posts = 0;
  rejected = 0;
  private readonly keys = new Set<string>();
  duplicates = 0;
  /** The global limit as a token bucket: 50 requests at once at most, refilled at 50 per second. */
  private tokens = GLOBAL_PER_SECOND;
  private refilledAt = Date.now();
  private server: Server | undefined;

  get api(): string {
    return `http://127.0.0.1:${(this.server?.address() as AddressInfo).port}/api`;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    this.server.keepAliveTimeout = 60_000;
    await new Promise<void>((resolve) => this.server?.listen(0, "127.0.0.1", resolve));
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let body = "";
    for await (const chunk of req) body += String(chunk);
    const now = Date.now();
    this.tokens = Math.min(GLOBAL_PER_SECOND, this.tokens + ((now - this.refilledAt) * GLOBAL_PER_SECOND) / 1000);
    this.refilledAt = now;
    if (this.tokens < 1) {
      this.rejected++;
      const retryAfter = (1 - this.tokens) / GLOBAL_PER_SECOND;
      res
        .writeHead(429, { "content-type": "application/json", "retry-after": retryAfter.toFixed(3), "x-ratelimit-global": "true", "x-ratelimit-scope": "global" })
        .end(JSON.stringify({ message: "You are being rate limited.", retry_after: retryAfter, global: true }));
      return;
    }
    this.tokens -= 1;
    await new Promise((resolve) => setTimeout(resolve, LATENCY_MS));
    const channel = /\/channels\/(\d+)\/messages$/.exec(req.url ?? "")?.[1];
    if (req.method !== "POST" || !channel) {
      res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ message: "Unknown", code: 0 }));
      return;
    }
    const nonce = (JSON.parse(body) as { nonce?: string }).nonce ?? "";
    if (this.keys.has(nonce)) this.duplicates++;
    this.keys.add(nonce);
    this.posts++;
    res
      .writeHead(200, { "content-type": "application/json", "x-ratelimit-bucket": "channel-messages", "x-ratelimit-limit": "5", "x-ratelimit-remaining": "4", "x-ratelimit-reset-after": "5" })
      .end(JSON.stringify({ id: String(1_000_000_000_000_000n + BigInt(this.posts)), channel_id: channel, content: "", embeds: [] }));
  }
}

export interface FanOutRun {
  channels: number;
  ms: number;
  sent: number;
  rejected429: number;
  duplicates: number;
}

/** One announcement to `channels` subscribed channels, delivered until none is left; the wall time of the whole fan-out. */
async function fanOut(channels: number, options: Partial<DelivererOptions>): Promise<FanOutRun> {
  const dir = mkdtempSync(join(tmpdir(), "mss-fanout-"));
  const discord = await new SlowDiscord().start();
  const store = openStore(join(dir, "bot.db"));
  try {
    const at = new Date().toISOString();
    store.transaction(() => {
      const { id } = store.announcements.insert({ key: "fan-out", source: "bench", kind: "added", paperId: null, reply: { kind: "notice", text: "A new paper on MSS-Papers" }, createdAt: at });
      for (let i = 0; i < channels; i++) {
        const channel = String(100_000_000_000_000_000n + BigInt(i));
        store.subscriptions.subscribe("discord", channel, {}, "bench", at);
        store.outbox.enqueue(id, "discord", channel, `fan-out|discord:${channel}`, at);
      }
    });
    const rest = createAnnouncerRest({ token: "bench-token", apiUrl: discord.api });
    const deliverer = new Deliverer(store, silentLogger(), () => new Date(), options);
    deliverer.register(new DiscordAnnouncer(rest, silentLogger()));
    const started = performance.now();
    let sent = 0;
    // A row bounced by a rate limit comes back after its backoff: deliver until nothing is left (the wait counts).
    while (store.outbox.counts().sent < channels) {
      sent += (await deliverer.deliverDue()).sent;
      const next = store.outbox.nextDue(["discord"]);
      if (store.outbox.counts().sent < channels && next) await new Promise((r) => setTimeout(r, Math.max(0, Date.parse(next) - Date.now())));
    }
    const ms = performance.now() - started;
    return { channels, ms, sent, rejected429: discord.rejected, duplicates: discord.duplicates };
  } finally {
    store.close();
    await discord.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface FanOutResult {
  channels: number;
  floorMs: number;
  concurrent: FanOutRun;
  /** One row at a time: measured on `sample` channels, per channel times `channels`. */
  sequential: { sample: number; measuredMs: number; estimatedMs: number };
}

/**
 * Concurrent fan-out at each size, and one-at-a-time on a sample (it is linear:
 * one request after another), extrapolated to the size.
 */
export async function measureFanOut(sizes: number[], sequentialSample: number, progress: (msg: string) => void): Promise<FanOutResult[]> {
  // Backoff short enough that a bounced row does not stall the bench, as the outbox's would not at these sizes.
  const base: Partial<DelivererOptions> = { backoffMs: 1000 };
  progress(`fan-out: one row at a time to ${sequentialSample} channels`);
  const sequential = await fanOut(sequentialSample, { ...base, concurrencyCap: 1 });
  const perChannel = sequential.ms / sequentialSample;
  const results: FanOutResult[] = [];
  for (const channels of sizes) {
    progress(`fan-out: ${channels.toLocaleString("en")} channels, concurrent (floor ${(channels / GLOBAL_PER_SECOND).toFixed(0)} s)`);
    const concurrent = await fanOut(channels, base);
    results.push({ channels, floorMs: (channels / GLOBAL_PER_SECOND) * 1000, concurrent, sequential: { sample: sequentialSample, measuredMs: sequential.ms, estimatedMs: perChannel * channels } });
  }
  return results;
}

export function fanOutTable(results: FanOutResult[]): string {
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const lines = [
    `Fan-out of one announcement (Discord REST fake: +${LATENCY_MS} ms per request, ${GLOBAL_PER_SECOND} requests/s global; target <= 1.5x the floor)`,
    "channels | floor (n/50 per s) | concurrent | x floor | 429s | one at a time | speed-up",
    "-------- | ------------------ | ---------- | ------- | ---- | ------------- | --------",
  ];
  for (const r of results) {
    const x = r.concurrent.ms / r.floorMs;
    lines.push(
      `${r.channels.toLocaleString("en")} | ${s(r.floorMs)} | ${s(r.concurrent.ms)} | ${x.toFixed(2)}x ${x <= 1.5 ? "✓" : "✗ MISSED"} | ${r.concurrent.rejected429} | ${s(r.sequential.estimatedMs)} (from ${r.sequential.sample} measured in ${s(r.sequential.measuredMs)}) | ${(r.sequential.estimatedMs / r.concurrent.ms).toFixed(1)}x`,
    );
  }
  return lines.join("\n");
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const quick = process.argv.includes("--quick");
  const results = await measureFanOut(quick ? [1_000] : [1_000, 5_000], quick ? 200 : 1_000, (m) => process.stderr.write(`  … ${m}\n`));
  process.stdout.write(`\n${fanOutTable(results)}\n`);
}
