import { ConsoleAnnouncer } from "../adapters/console/console-announcer.js";
import { runConsoleChat } from "../adapters/console/console-chat.js";
import { configSecrets, describeProblems, loadConfig, type Config } from "../src/config.js";
import { createLogger, openLogFile } from "../src/log.js";
import { startBot, type RunningBot } from "./bot.js";
import { installLastResort } from "./last-resort.js";

const PLATFORM_HELP = [
  "Discord: set DISCORD_TOKEN (and DISCORD_APP_ID; DISCORD_GUILD_ID for instant per-server commands).",
  "Slack:   set SLACK_BOT_TOKEN plus SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP on PORT).",
];

function banner(config: Config, papers: number, logPlace: string): string {
  const one = config.upstream.kind === "bundled" ? "the bundled list" : config.upstream.kind === "file" ? config.upstream.path : config.upstream.url;
  const source = config.lists.length > 1 ? `${config.lists.length} lists (${config.lists.map((l) => l.id).join(", ")}; see /lists)` : one;
  return [
    `mss-bot console — ${papers} papers from ${source}.`,
    "Type /paper AlpaServe, /papers venue:OSDI, /help; /quit or Ctrl-D to leave.",
    "No platform token is set, so only this console is on. To switch platforms on:",
    ...PLATFORM_HELP.map((l) => `  ${l}`),
    logPlace,
    "",
  ].join("\n");
}

/** Resolves on the first SIGTERM or SIGINT; a second one exits at once. */
function firstSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const onSignal = (signal: NodeJS.Signals) => {
      process.off("SIGINT", onSignal);
      process.off("SIGTERM", onSignal);
      process.once("SIGINT", () => process.exit(130));
      process.once("SIGTERM", () => process.exit(143));
      resolve(signal);
    };
    process.on("SIGINT", onSignal);
    process.on("SIGTERM", onSignal);
  });
}

async function main(): Promise<number> {
  const loaded = loadConfig();
  if (!loaded.ok) {
    process.stderr.write(`${describeProblems(loaded.problems)}\n`);
    return 2;
  }
  const { config } = loaded;
  const logFile = config.logFile ? openLogFile(config.logFile) : undefined;
  const toFile = logFile && "fd" in logFile ? logFile.fd : undefined;
  const log = createLogger({ level: config.logLevel, pretty: toFile === undefined && process.stderr.isTTY === true, secrets: configSecrets(config), ...(toFile === undefined ? {} : { fd: toFile }) });
  const logPlace = toFile !== undefined ? `Logs go to ${config.logFile} (set LOG_LEVEL to have them on stderr).` : logFile && "error" in logFile ? `Logs go to stderr: ${logFile.error}.` : `Logs (level ${config.logLevel}) go to stderr.`;
  const consoleOnly = !config.discord && !config.slack;
  let running: RunningBot | undefined;
  installLastResort(log, { stop: async () => running?.stop() });
  const bot = await startBot(config, log, { http: !consoleOnly });
  running = bot;

  if (consoleOnly) {
    bot.services.deliverer.register(new ConsoleAnnouncer(process.stdout));
    process.stdout.write(banner(config, bot.services.catalog.list.papers.length, logPlace));
    await Promise.race([
      runConsoleChat({ services: bot.services, input: process.stdin, output: process.stdout, prompt: process.stdin.isTTY === true }),
      firstSignal(),
    ]);
  } else {
    // Listen before saying so: a SIGTERM right after "running" must find the handler installed.
    const signalled = firstSignal();
    log.info({ platforms: bot.adapters.map((a) => a.platform) }, "mss-bot running");
    const signal = await signalled;
    log.info({ signal }, "shutting down");
  }
  await bot.stop();
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`mss-bot failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
