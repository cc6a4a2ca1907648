import { readFileSync } from "node:fs";
import { join } from "node:path";
import { renderText } from "../../adapters/console/render-text.js";
import { createRegistry } from "../../src/commands/all.js";
import type { AnyCommand } from "../../src/commands/command.js";
import { dispatch } from "../../src/commands/dispatch.js";
import { parseCommandText } from "../../src/commands/parse-text.js";
import { usage } from "../../src/commands/usage.js";
import { packageRoot } from "../../src/paths.js";
import type { Reply } from "../../src/replies/reply.js";
import { CLI_OPERATOR, readUserFlag, requirePerson } from "./acting-user.js";
import { jsonReply, takeChartFlag, writeChart } from "./chart-flag.js";
import { CHAT_ONLY } from "./chat-only.js";
import { configCheckCommand } from "./config-check.js";
import { diffCommand } from "./diff.js";
import { enrichCliCommand } from "./enrich.js";
import { discordCommand } from "./discord.js";
import { badInput, CliFailure, EXIT, printJson, type CliCommand, type CliIo } from "./io.js";
import { listsCliCommand } from "./lists.js";
import { outboxCliCommand } from "./outbox.js";
import { readingScheduleCliCommand } from "./reading-schedule.js";
import { runGuarded } from "./run-guarded.js";
import { cliServices } from "./services.js";
import { slackCommand } from "./slack-manifest.js";
import { syncCliCommand } from "./sync.js";

/**
 * Commands that exist only here, or take CLI-only flags ("reading schedule --ics");
 * the chat commands (paper, papers, …) come from the core registry. A CLI command
 * named like a chat command takes its place on the command line.
 */
const CLI_COMMANDS: CliCommand[] = [diffCommand, syncCliCommand, listsCliCommand, enrichCliCommand, outboxCliCommand, configCheckCommand, discordCommand, slackCommand, readingScheduleCliCommand];

const registry = createRegistry();

/** The chat commands the command line runs: not replaced by a CLI command, not chat-only. */
const cliChatCommands = (): AnyCommand[] => registry.commands.filter((c) => !CLI_COMMANDS.some((l) => l.name === c.name) && !(c.name in CHAT_ONLY));

function exitCodeOf(reply: Reply): number {
  if (reply.kind !== "error") return EXIT.ok;
  return reply.reason === "invalid" || reply.reason === "forbidden" ? EXIT.badInput : EXIT.noResult;
}

interface HelpEntry {
  name: string;
  usage: string;
  summary: string;
}

const USAGE_LINE = "Usage: mss-bot <command> [options] [--json]";
const FOOTER = [
  "--user NAME says who acts: an RSVP answer (reading rsvp --answer) and a vote (reading ballot <paper>) are that person's, and need it.",
  "--json prints exactly one JSON document on stdout, errors included. Exit codes: 0 ok, 1 no result, 2 bad input.",
  "stats and reading stats take --chart FILE: they write their chart there as a PNG.",
].join("\n");

function helpEntries(): HelpEntry[] {
  const chat = cliChatCommands().map((c) => ({ name: c.name, usage: usage(c, "cli"), summary: c.description }));
  return [...chat, ...CLI_COMMANDS.map((c) => ({ name: c.name, usage: c.usage, summary: c.summary }))];
}

function printOverview(io: CliIo): number {
  const entries = helpEntries();
  const chatOnly = Object.keys(CHAT_ONLY);
  if (io.json) {
    printJson(io, { kind: "help", usage: USAGE_LINE.replace(/^Usage: /, ""), commands: entries, chatOnly, exitCodes: { ok: EXIT.ok, noResult: EXIT.noResult, badInput: EXIT.badInput } });
    return EXIT.ok;
  }
  const lines = [
    USAGE_LINE,
    "",
    "Commands:",
    ...entries.map((e) => `  ${e.usage}\n      ${e.summary}`),
    "",
    `In chat only (they act on the channel or chat user they are typed by): ${chatOnly.join(", ")}.`,
    "mss-bot help <command> explains one command; mss-bot --version prints the version.",
    FOOTER,
  ];
  io.out(`${lines.join("\n")}\n`);
  return EXIT.ok;
}

export function version(): string {
  const raw: unknown = JSON.parse(readFileSync(join(packageRoot(), "package.json"), "utf8"));
  return typeof raw === "object" && raw !== null && "version" in raw && typeof raw.version === "string" ? raw.version : "unknown";
}

/** The CLI-only command the words start with, longest name first ("config check" before "config"). */
function findCliCommand(words: string[]): { command: CliCommand; rest: string[] } | undefined {
  for (let n = Math.min(3, words.length); n >= 1; n--) {
    const command = CLI_COMMANDS.find((c) => c.name === words.slice(0, n).join(" "));
    if (command) return { command, rest: words.slice(n) };
  }
  return undefined;
}

/** Reads `--json`, `--json=true|false` wherever they stand; the rest are the command's words. */
function readJsonFlag(argv: string[]): { json: boolean; words: string[] } | CliFailure {
  let json = false;
  const words: string[] = [];
  for (const arg of argv) {
    const flag = /^--json(?:=(.*))?$/.exec(arg);
    if (!flag) {
      words.push(arg);
      continue;
    }
    const value = flag[1]?.toLowerCase();
    if (value === undefined || ["true", "1", "yes"].includes(value)) json = true;
    else if (["false", "0", "no"].includes(value)) json = false;
    else return badInput(`--json takes no value, or --json=true / --json=false (not "${flag[1]}")`);
  }
  return { json, words };
}

const isHelpFlag = (word: string) => word === "--help" || word === "-h";

/** Runs `mss-bot <args>`; returns the exit code. Every command goes through runGuarded. */
export async function runCli(argv: string[], io: Omit<CliIo, "json">): Promise<number> {
  const flags = readJsonFlag(argv);
  const json = !(flags instanceof CliFailure) && flags.json;
  return runGuarded({ ...io, json }, async (cli) => {
    if (flags instanceof CliFailure) throw flags;
    const { words } = flags;
    if (words.length === 1 && (words[0] === "--version" || words[0] === "-V")) {
      if (cli.json) printJson(cli, { version: version() });
      else cli.out(`mss-bot ${version()}\n`);
      return EXIT.ok;
    }
    // `mss-bot`, `mss-bot --help`, `mss-bot help`; `mss-bot papers --help` is `mss-bot help papers`.
    if (words.length === 0 || (words.length === 1 && (isHelpFlag(words[0] as string) || words[0] === "help"))) return printOverview(cli);
    if (words.some(isHelpFlag)) return runCommand(["help", ...words.filter((w) => !isHelpFlag(w) && w !== "help")], cli);
    return runCommand(words, cli);
  });
}

/** Where the chart went, or how to get it. */
function chartLine(reply: Reply, wrote: string | undefined): string {
  if (wrote) return `\n${wrote}\n`;
  return reply.kind === "info" && reply.image ? `\n(The chart: add --chart FILE to write it as a PNG.)\n` : "";
}

async function runCommand(words: string[], io: CliIo): Promise<number> {
  if (words[0] === "help" && words.length > 1) {
    const local = findCliCommand(words.slice(1));
    if (local) {
      if (io.json) printJson(io, { kind: "help", commands: [{ name: local.command.name, usage: local.command.usage, summary: local.command.summary }] });
      else io.out(`Usage: ${local.command.usage}\n  ${local.command.summary}\n`);
      return EXIT.ok;
    }
  }
  const local = findCliCommand(words);
  if (local) return local.command.run(local.rest, io);
  const found = registry.match(words);
  if (!found) throw badInput(`unknown command "${words[0]}"`, "Run mss-bot --help for the list.");
  const why = CHAT_ONLY[found.command.name];
  if (why) throw badInput(`${found.command.name} works only in chat: ${why}.`);

  const { chart, words: afterChart } = takeChartFlag(found.rest);
  const { user, words: rest } = readUserFlag(afterChart);
  const parsed = parseCommandText(found.command, rest);
  if (!parsed.ok) throw badInput(`${found.command.name}: ${parsed.error}.`, `Usage: ${usage(found.command, "cli")}`);
  requirePerson(found.command.name, parsed.args, user);
  const { services } = await cliServices();
  try {
    const reply = await dispatch(services.commands, found.command.name, parsed.args, {
      platform: "cli",
      channel: null,
      user: user ?? CLI_OPERATOR,
      services,
    });
    const wrote = chart !== undefined && reply.kind !== "error" ? await writeChart(reply, found.command.name, chart) : undefined;
    if (io.json) printJson(io, jsonReply(reply));
    if (reply.kind === "error") io.err(`error: ${reply.text}${reply.hint ? `\n${reply.hint}` : ""}\n`);
    // A reply with a file (cite) prints the file itself, so `mss-bot cite AlpaServe > alpaserve.bib` works.
    else if (!io.json) io.out(reply.kind === "info" && reply.file ? reply.file.content : `${renderText(reply)}\n${chartLine(reply, wrote)}`);
    return exitCodeOf(reply);
  } finally {
    services.store.close();
  }
}
