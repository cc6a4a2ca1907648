// A burst of 30 announcements into one Slack channel, through the real
// deliverer, the real SlackAnnouncer and Bolt's WebClient, against a loopback
// Slack Web API that, like Slack, refuses a chat.postMessage within 1 s of the
// channel's previous post (HTTP 429, Retry-After: 1) and adds 50 ms to every
// call. The floor is one post per second: 30 s. Beside it, in the same run, the
// policy before issue 21 (a 30 s backoff floor over Retry-After, no per-channel
// pacing), capped: it would take about 15 minutes.
// Alone: `npx tsx bench/slack-burst.ts [--quick]`; `npm run bench` includes it.
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { webApi } from "@slack/bolt";
import { SlackAnnouncer } from "../adapters/slack/announcer.js";
import { webClientOptions } from "../adapters/slack/web-client-options.js";
import { silentLogger } from "../src/log.js";
import type { Announcer } from "../src/ports.js";
import { openStore } from "../src/store/store.js";
import { Deliverer, type DelivererOptions } from "../src/sync/deliverer.js";

export const BURST = 30;
export const CHANNEL_GAP_MS = 1_000;
export const LATENCY_MS = 50;
const CHANNEL = "C0BURST";

/** A Slack Web API reduced to chat.postMessage, with Slack's per-channel limit as a strict 1 s gap between accepted posts. */
class PacedSlack {
  posts = 0;
  refused = 0;
  duplicates = 0;
  private readonly keys = new Set<string>();
  private last = -Infinity;
  private seq = 0;
  private server: Server | undefined;

  get api(): string {
    return `http://127.0.0.1:${(this.server?.address() as AddressInfo).port}/api/`;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
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
    await new Promise((resolve) => setTimeout(resolve, LATENCY_MS));
    const json = (status: number, value: unknown, headers: Record<string, string> = {}): void => {
      res.writeHead(status, { "content-type": "application/json", ...headers }).end(JSON.stringify(value));
    };
    if (!req.url?.endsWith("/chat.postMessage")) return json(200, { ok: false, error: "unknown_method" });
    const now = performance.now();
    if (now - this.last < CHANNEL_GAP_MS) {
      this.refused++;
      return json(429, { ok: false, error: "ratelimited" }, { "retry-after": String(Math.ceil((CHANNEL_GAP_MS - (now - this.last)) / 1000)) });
    }
    this.last = now;
    const metadata = new URLSearchParams(body).get("metadata") ?? "";
    if (this.keys.has(metadata)) this.duplicates++;
    this.keys.add(metadata);
    this.posts++;
    json(200, { ok: true, channel: CHANNEL, ts: `${Math.floor(Date.now() / 1000)}.${String(++this.seq).padStart(6, "0")}` });
  }
}

export interface BurstRun {
  /** Posts visible when the run ended. */
  posted: number;
  /** Until the last post was visible, or until the cap. */
  ms: number;
  capped: boolean;
  refused429: number;
  duplicates: number;
}

/** The burst delivered by a started deliverer (as the bot runs it), until all are posted or `capMs` passed. */
async function burst(options: Partial<DelivererOptions>, paceChannels: boolean, capMs: number): Promise<BurstRun> {
  const dir = mkdtempSync(join(tmpdir(), "mss-burst-"));
  const slack = await new PacedSlack().start();
  const store = openStore(join(dir, "bot.db"));
  const deliverer = new Deliverer(store, silentLogger(), () => new Date(), options);
  try {
    const at = new Date().toISOString();
    store.transaction(() => {
      store.subscriptions.subscribe("slack", CHANNEL, {}, "bench", at);
      for (let i = 1; i <= BURST; i++) {
        const { id } = store.announcements.insert({ key: `burst-${i}`, source: "bench", kind: "added", paperId: null, reply: { kind: "notice", text: `New paper ${i}` }, createdAt: at });
        store.outbox.enqueue(id, "slack", CHANNEL, `burst-${i}|slack:${CHANNEL}`, at);
      }
    });
    const announcer = new SlackAnnouncer(new webApi.WebClient("xoxb-bench", webClientOptions(slack.api, 10_000)), silentLogger());
    // Before issue 21 the Slack announcer declared no per-channel rate.
    const unpaced: Announcer = { platform: "slack", limits: { concurrency: 16 }, announce: (...a) => announcer.announce(...a) };
    deliverer.register(paceChannels ? announcer : unpaced);
    const started = performance.now();
    deliverer.start();
    while (slack.posts < BURST && performance.now() - started < capMs) await new Promise((r) => setTimeout(r, 20));
    return { posted: slack.posts, ms: performance.now() - started, capped: slack.posts < BURST, refused429: slack.refused, duplicates: slack.duplicates };
  } finally {
    await deliverer.stop(1_000);
    store.close();
    await slack.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface BurstResult {
  floorMs: number;
  ours: BurstRun;
  before: BurstRun;
}

export async function measureSlackBurst(beforeCapMs: number, progress: (msg: string) => void): Promise<BurstResult> {
  progress(`slack burst: ${BURST} posts into one channel that refuses a post within 1 s of the previous (floor ${BURST} s)`);
  progress(`slack burst: at the same time, the policy before issue 21 (30 s floor over Retry-After, no channel pacing) against its own fake, capped at ${beforeCapMs / 1000} s`);
  // Side by side: each policy has its own fake and store, and both mostly wait on the fakes' 1 s gap, so running them together costs neither.
  const [ours, before] = await Promise.all([burst({}, true, 120_000), burst({ backoffMs: 30_000, jitter: 0, retryAfterIsFloor: true }, false, beforeCapMs)]);
  return { floorMs: BURST * CHANNEL_GAP_MS, ours, before };
}

export function slackBurstTable(r: BurstResult): string {
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const run = (b: BurstRun) => (b.capped ? `${b.posted} of ${BURST} after ${s(b.ms)} (capped)` : `all ${BURST} in ${s(b.ms)}`);
  const x = r.ours.ms / r.floorMs;
  return [
    `Slack burst: ${BURST} announcements into one channel (Web API fake: +${LATENCY_MS} ms per call, a post within 1 s of the previous gets 429 Retry-After: 1; target <= 1.5x the floor)`,
    "floor (1 post/s) | ours | x floor | 429s | duplicates | before issue 21 (30 s floor, no pacing) | its 429s",
    "---------------- | ---- | ------- | ---- | ---------- | --------------------------------------- | --------",
    `${s(r.floorMs)} | ${run(r.ours)} | ${x.toFixed(2)}x ${!r.ours.capped && x <= 1.5 ? "✓" : "✗ MISSED"} | ${r.ours.refused429} | ${r.ours.duplicates} | ${run(r.before)} | ${r.before.refused429}`,
  ].join("\n");
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const result = await measureSlackBurst(process.argv.includes("--quick") ? 30_000 : 90_000, (m) => process.stderr.write(`  … ${m}\n`));
  process.stdout.write(`\n${slackBurstTable(result)}\n`);
}
