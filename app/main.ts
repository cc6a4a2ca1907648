import { runConsoleChat } from "../adapters/console/console-chat.js";
import { describeProblems, loadConfig, type Config } from "../src/config.js";
import { createLogger } from "../src/log.js";
import type { ChatAdapter } from "../src/ports.js";
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
  if (config.slack) {
    const { createSlackAdapter } = await import("../adapters/slack/slack-adapter.js");
    adapters.push(createSlackAdapter({ config: config.slack, port: config.port, services }));
  }
  if (config.discord) log.error("The Discord adapter is not built yet; DISCORD_TOKEN is ignored");
  if (adapters.length === 0) return 2;
  for (const adapter of adapters) await adapter.start();
  await new Promise((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  await Promise.allSettled(adapters.map((adapter) => adapter.stop()));
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`mss-bot failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
