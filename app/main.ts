import { ConsoleAnnouncer } from "../adapters/console/console-announcer.js";
import { runConsoleChat } from "../adapters/console/console-chat.js";
import { describeProblems, loadConfig, type Config } from "../src/config.js";
import { JobRunner, type Job } from "../src/jobs/job-runner.js";
import { createLogger } from "../src/log.js";
import type { ChatAdapter } from "../src/ports.js";
import { readingJob } from "../src/reading/reading-job.js";
import type { Services } from "../src/services.js";
import { buildServices } from "./services.js";

const PLATFORM_HELP = [
  "Discord: set DISCORD_TOKEN (and DISCORD_APP_ID; DISCORD_GUILD_ID for instant per-server commands).",
  "Slack:   set SLACK_BOT_TOKEN plus SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP on PORT).",
];

function banner(config: Config, papers: number): string {
  const source = config.upstream.kind === "bundled" ? "the bundled list" : config.upstream.kind === "file" ? config.upstream.path : config.upstream.url;
  return [
    `mss-bot console — ${papers} papers from ${source}.`,
    "Type /paper AlpaServe, /papers venue:OSDI, /help; /quit or Ctrl-D to leave.",
    "No platform token is set, so only this console is on. To switch platforms on:",
    ...PLATFORM_HELP.map((l) => `  ${l}`),
    "",
  ].join("\n");
}

function syncJob(services: Services, schedule: string): Job {
  return {
    name: "sync",
    schedule,
    async run() {
      const report = await services.sync.run();
      return `${report.result}${report.detail ? `: ${report.detail}` : ""}`;
    },
  };
}

/** Starts the platform adapters that are configured; each failing to start is logged, the others go on. */
async function startAdapters(config: Config, services: Services): Promise<ChatAdapter[]> {
  const adapters: ChatAdapter[] = [];
  void config;
  for (const adapter of adapters) {
    services.deliverer.register(adapter.announcer);
    await adapter.start().catch((error: unknown) => services.log.error({ err: error, platform: adapter.platform }, "adapter failed to start"));
  }
  return adapters;
}

async function main(): Promise<number> {
  const loaded = loadConfig();
  if (!loaded.ok) {
    process.stderr.write(`${describeProblems(loaded.problems)}\n`);
    return 2;
  }
  const { config } = loaded;
  const log = createLogger(config.logLevel);
  const services = await buildServices(config, log);
  const jobs = new JobRunner(log, config.timeZone);
  const sync = syncJob(services, config.syncCron);
  jobs.add(sync);
  void jobs.runOnce(sync);
  const reading = readingJob(services, config.readingCron);
  jobs.add(reading);
  services.deliverer.start();

  const consoleOnly = !config.discord && !config.slack;
  const adapters = consoleOnly ? [] : await startAdapters(config, services);
  if (consoleOnly) services.deliverer.register(new ConsoleAnnouncer(process.stdout));
  // Catch-up: this week's post, if it was missed while the bot was down, goes out now.
  void jobs.runOnce(reading);
  const shutdown = async () => {
    await jobs.stop();
    await services.deliverer.stop();
    await Promise.all(adapters.map((a) => a.stop().catch((error: unknown) => log.error({ err: error }, "adapter stop failed"))));
    services.store.close();
  };

  if (consoleOnly) {
    process.stdout.write(banner(config, services.catalog.list.papers.length));
    await runConsoleChat({ services, input: process.stdin, output: process.stdout, prompt: process.stdin.isTTY === true });
    await shutdown();
    return 0;
  }
  await new Promise<void>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  await shutdown();
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`mss-bot failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
