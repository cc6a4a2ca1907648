import { runConsoleChat } from "../adapters/console/console-chat.js";
import { describeProblems, loadConfig, type Config } from "../src/config.js";
import { createLogger } from "../src/log.js";
import type { ChatAdapter } from "../src/ports.js";
import { MemorySettings } from "../src/store/memory-settings.js";
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

async function main(): Promise<number> {
  const loaded = loadConfig();
  if (!loaded.ok) {
    process.stderr.write(`${describeProblems(loaded.problems)}\n`);
    return 2;
  }
  const { config } = loaded;
  const log = createLogger(config.logLevel);
  const services = await buildServices(config, log);

  if (!config.discord && !config.slack) {
    process.stdout.write(banner(config, services.catalog.list.papers.length));
    await runConsoleChat({ services, input: process.stdin, output: process.stdout, prompt: process.stdin.isTTY === true });
    return 0;
  }
  const adapters: ChatAdapter[] = [];
  if (config.discord) {
    // Loaded only when switched on: discord.js is heavy and the console does not need it.
    const { createDiscordAdapter } = await import("../adapters/discord/discord-adapter.js");
    // TODO(issue 3): the SQLite settings store replaces MemorySettings, so the registration hash survives restarts.
    adapters.push(createDiscordAdapter({ config: config.discord, services, settings: new MemorySettings() }));
  }
  if (config.slack) log.error("the Slack adapter is not built yet; SLACK_* variables are ignored");
  if (adapters.length === 0) return 2;
  const stopping = untilSignal();
  // start() never throws: a platform that cannot connect logs why and keeps retrying on its own.
  await Promise.all(adapters.map((adapter) => adapter.start()));
  await stopping;
  await Promise.all(adapters.map((adapter) => adapter.stop()));
  return 0;
}

const untilSignal = () => new Promise<void>((resolve) => {
  process.once("SIGINT", () => resolve());
  process.once("SIGTERM", () => resolve());
});

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`mss-bot failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
