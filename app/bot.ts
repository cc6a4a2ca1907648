import { createServer, type Server } from "node:http";
import type { Config } from "../src/config.js";
import { JobRunner, type Job } from "../src/jobs/job-runner.js";
import type { Logger } from "../src/log.js";
import type { Metrics } from "../src/ops/metrics.js";
import { checkReadiness } from "../src/ops/readiness.js";
import { opsRoutes, routeHandler, type OpsRoute } from "../src/ops/routes.js";
import type { ChatAdapter } from "../src/ports.js";
import { calendarRoute } from "../src/reading/live-calendar.js";
import { readingJob } from "../src/reading/reading-job.js";
import { voteJob } from "../src/reading/vote.js";
import { reminderJob } from "../src/reading/reminders.js";
import { digestJob } from "../src/sync/digest-job.js";
import type { Services } from "../src/services.js";
import { adapterOwnsPort, createAdapters } from "./adapters.js";
import { buildServices } from "./services.js";

export interface RunningBot {
  services: Services;
  adapters: ChatAdapter[];
  jobs: JobRunner;
  /** Prometheus metrics, when the HTTP endpoints run (not for the console). */
  metrics: Metrics | undefined;
  /** The ops HTTP server, when the bot runs it itself (not when Slack's receiver owns PORT). */
  http: Server | undefined;
  /** Stops cron, lets in-flight deliveries finish (bounded), disconnects adapters, closes the store. */
  stop(graceMs?: number): Promise<void>;
}

/** A successful sync is expected at least this often before /readyz reports the bot not ready. */
const SYNC_MAX_AGE_MS = 3 * 60 * 60 * 1000;

function syncJob(services: Services, schedule: string): Job {
  return {
    name: "sync",
    schedule,
    async run() {
      const reports = await services.sync.runAll();
      const line = (r: (typeof reports)[number]) => `${r.result}${r.detail ? `: ${r.detail}` : ""}`;
      return reports.length === 1 ? line(reports[0] as (typeof reports)[number]) : reports.map((r) => `${r.list} ${line(r)}`).join("; ");
    },
  };
}

async function listen(server: Server, port: number): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, () => {
      server.off("error", reject);
      resolve();
    });
  });
}

/**
 * Starts the bot: services, metrics, the sync job (now and on its schedule),
 * the deliverer, the configured platform adapters and the ops endpoints. The
 * console chat, if any, is the caller's; it registers its own announcer.
 */
export async function startBot(config: Config, log: Logger, options: { http: boolean }): Promise<RunningBot> {
  const startedAt = new Date();
  const services = await buildServices(config, log);
  let adapters: ChatAdapter[] = [];
  let metrics: Metrics | undefined;
  let routes: OpsRoute[] = [];
  if (options.http) {
    // prom-client loads only for a bot serving /metrics; the console starts without it.
    const { Metrics } = await import("../src/ops/metrics.js");
    const m = new Metrics(services.store);
    metrics = m;
    services.observeCommand = m.observeCommand;
    services.sync.onRun((run, report) => m.syncRun(run.result, report.warnings, report.list));
    services.deliverer.onSent(({ detectedAt, sentAt }) => m.delivered(detectedAt, sentAt));
    routes = opsRoutes(
      () => checkReadiness({ store: services.store, adapters, source: services.sync.source, lists: services.sync.lists.map((l) => ({ id: l.listId, source: l.source })), now: services.now, syncMaxAgeMs: SYNC_MAX_AGE_MS, startedAt, heldPlatforms: () => services.deliverer.heldPlatforms() }),
      m,
    );
    routes.push(calendarRoute(services.reading, services.now));
  }
  adapters = await createAdapters(config, services, routes);
  let http: Server | undefined;
  if (options.http && !adapterOwnsPort(config)) {
    http = createServer(routeHandler(routes));
    await listen(http, config.port);
    log.info({ port: config.port }, "health and metrics endpoints listening");
  }

  for (const adapter of adapters) {
    services.deliverer.register(adapter.announcer);
    await adapter.start().catch((error: unknown) => log.error({ err: error, platform: adapter.platform }, "adapter failed to start; the rest of the bot goes on"));
  }

  const jobs = new JobRunner(log, config.timeZone);
  const sync = syncJob(services, config.syncCron);
  jobs.add(sync);
  // Scholarly enrichment works in the background once the first sync has queued what the list needs.
  void jobs.runOnce(sync).finally(() => services.scholar.start());
  // Every minute: the post goes out MSS_READING_POST_LEAD before a session on MSS_READING_CRON, which no cron says.
  const reading = readingJob(services, "* * * * *");
  jobs.add(reading);
  // Catch-up: this week's reading-group post, if it was missed while the bot was down, goes out now.
  void jobs.runOnce(reading);
  const remind = reminderJob(services);
  jobs.add(remind);
  // A reminder due while the bot was down goes out now, while its session has not started.
  void jobs.runOnce(remind);
  const digests = digestJob(services);
  jobs.add(digests);
  // A digest whose time passed while the bot was down goes out now, once.
  void jobs.runOnce(digests);
  const vote = voteJob(services);
  jobs.add(vote);
  // A vote whose deadline passed while the bot was down closes now.
  void jobs.runOnce(vote);
  services.deliverer.start();

  return {
    services,
    adapters,
    jobs,
    metrics,
    http,
    async stop(graceMs = 10_000) {
      await jobs.stop();
      await services.scholar.stop();
      await services.deliverer.stop(graceMs);
      await Promise.all(adapters.map((a) => a.stop().catch((error: unknown) => log.error({ err: error, platform: a.platform }, "adapter stop failed"))));
      if (http) {
        http.closeAllConnections();
        await new Promise<void>((resolve) => http?.close(() => resolve()));
      }
      services.store.close();
    },
  };
}
