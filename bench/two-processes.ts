// Two bot processes' deliverers on one SQLite file, every first post failing
// once (Slack `ratelimited` in a 200, Discord a 503), 90 papers queued in three
// batches of 30 for one Slack and one Discord channel: the time from the last
// batch until all 180 rows are sent, and how many were posted twice. Each
// "process" has its own store connection, deliverer and real clients (Bolt's
// WebClient, discord.js REST) against the loopback fakes the tests use; the
// Slack fake refuses a post within 1 s of the channel's previous one, as Slack does.
// Alone: `npx tsx bench/two-processes.ts`; `npm run bench -- --full` includes it.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { webApi } from "@slack/bolt";
import { DiscordAnnouncer } from "../adapters/discord/delivery/announcer.js";
import { createAnnouncerRest } from "../adapters/discord/rest-options.js";
import { SlackAnnouncer } from "../adapters/slack/announcer.js";
import { webClientOptions } from "../adapters/slack/web-client-options.js";
import { silentLogger } from "../src/log.js";
import { openStore, type Store } from "../src/store/store.js";
import { Deliverer } from "../src/sync/deliverer.js";
import { FakeDiscord, IDS } from "../test/fakes/discord/fake-discord.js";
import { FakeSlack } from "../test/fakes/slack/fake-slack.js";

const PER_BATCH = 30;
const BATCHES = 3;
const SLACK_CHANNEL = "C0PAPERS";

export interface TwoProcessRun {
  rows: number;
  /** From the last batch queued until every row was sent (or the cap). */
  ms: number;
  sent: number;
  duplicates: number;
  capped: boolean;
}

function queueBatch(store: Store, batch: number): void {
  const at = new Date().toISOString();
  store.transaction(() => {
    for (let i = 0; i < PER_BATCH; i++) {
      const key = `paper-${batch}-${i}`;
      const { id } = store.announcements.insert({ key, source: "bench", kind: "added", paperId: null, reply: { kind: "notice", text: `New paper ${batch}.${i}` }, createdAt: at });
      store.outbox.enqueue(id, "slack", SLACK_CHANNEL, `${key}|slack:${SLACK_CHANNEL}`, at);
      store.outbox.enqueue(id, "discord", IDS.channelId, `${key}|discord:${IDS.channelId}`, at);
    }
  });
}

export async function measureTwoProcesses(capMs: number, progress: (msg: string) => void): Promise<TwoProcessRun> {
  const dir = mkdtempSync(join(tmpdir(), "mss-two-"));
  const slack = await new FakeSlack().start();
  const discord = await FakeDiscord.start();
  slack.paceMs = 1_000;
  slack.failEachFirstPost = { kind: "error", error: "ratelimited" };
  discord.failEachFirstPost = { status: 503 };
  const stores = [openStore(join(dir, "bot.db")), openStore(join(dir, "bot.db"))];
  const deliverers = stores.map((store) => {
    const d = new Deliverer(store, silentLogger());
    d.register(new SlackAnnouncer(new webApi.WebClient("xoxb-bench", webClientOptions(slack.apiUrl, 10_000)), silentLogger()));
    d.register(new DiscordAnnouncer(createAnnouncerRest({ token: IDS.token, apiUrl: discord.apiUrl }), silentLogger()));
    d.start();
    return d;
  });
  try {
    const rows = PER_BATCH * BATCHES * 2;
    for (let b = 0; b < BATCHES; b++) {
      progress(`two processes: batch ${b + 1} of ${BATCHES} (${PER_BATCH} papers to one Slack and one Discord channel), queued by process ${(b % 2) + 1}`);
      queueBatch(stores[b % 2] as Store, b);
      void deliverers[b % 2]?.deliverDue();
    }
    const started = performance.now();
    const store = stores[0] as Store;
    while (store.outbox.counts().sent < rows && performance.now() - started < capMs) await new Promise((r) => setTimeout(r, 100));
    const ms = performance.now() - started;
    const sent = store.outbox.counts().sent;
    const keys = [...slack.posted.map((m) => JSON.stringify(m.metadata)), ...discord.posted.map((r) => String(r.body?.nonce))];
    return { rows, ms, sent, duplicates: keys.length - new Set(keys).size, capped: sent < rows };
  } finally {
    await Promise.all(deliverers.map((d) => d.stop(1_000)));
    for (const s of stores) s.close();
    await slack.close();
    await discord.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

export function twoProcessesLine(r: TwoProcessRun): string {
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const within = !r.capped && r.ms <= 240_000 && r.duplicates === 0;
  return `Two processes, every first post failing once: ${r.sent} of ${r.rows} rows sent ${s(r.ms)} after the last batch, ${r.duplicates} posted twice (target: all within 4 min, none twice) ${within ? "✓" : "✗ MISSED"}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const r = await measureTwoProcesses(360_000, (m) => process.stderr.write(`  … ${m}\n`));
  process.stdout.write(`\n${twoProcessesLine(r)}\n`);
}
