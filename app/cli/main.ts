import { renderText } from "../../adapters/console/render-text.js";
import { ALL_COMMANDS } from "../../src/commands/all.js";
import { dispatch } from "../../src/commands/dispatch.js";
import { parseCommandText } from "../../src/commands/parse-text.js";
import { usage } from "../../src/commands/usage.js";
import type { Reply } from "../../src/replies/reply.js";
import type { Services } from "../../src/services.js";
import { cliServices } from "./services.js";
import { configCheckCommand } from "./config-check.js";
import { diffCommand } from "./diff.js";
import { enrichCliCommand } from "./enrich.js";
import { discordCommand } from "./discord.js";
import { EXIT, printJson, type CliCommand, type CliIo } from "./io.js";
import { outboxCliCommand } from "./outbox.js";
import { readingScheduleCliCommand } from "./reading-schedule.js";
import { slackCommand } from "./slack-manifest.js";
import { syncCliCommand } from "./sync.js";

/**
 * Commands that exist only here, or take CLI-only flags ("reading schedule --ics");
 * the chat commands (paper, papers, …) come from the core registry. A CLI command
 * named like a chat command takes its place on the command line.
 */
const CLI_COMMANDS: CliCommand[] = [diffCommand, syncCliCommand, enrichCliCommand, outboxCliCommand, configCheckCommand, discordCommand, slackCommand, readingScheduleCliCommand];

function exitCodeOf(reply: Reply): number {
  if (reply.kind !== "error") return EXIT.ok;
  return reply.reason === "invalid" || reply.reason === "forbidden" ? EXIT.badInput : EXIT.noResult;
}

function overview(): string {
  const chat = ALL_COMMANDS.filter((c) => !CLI_COMMANDS.some((l) => l.name === c.name)).map((c) => `  ${usage(c, "cli")}\n      ${c.description}`);
  const local = CLI_COMMANDS.map((c) => `  ${c.usage}\n      ${c.summary}`);
  return ["Usage: mss-bot <command> [options] [--json]", "", "Commands:", ...chat, ...local, "", "--json prints one JSON document on stdout. Exit codes: 0 ok, 1 no result, 2 bad input."].join("\n");
}

/** The CLI-only command the words start with, longest name first ("config check" before "config"). */
function findCliCommand(words: string[]): { command: CliCommand; rest: string[] } | undefined {
  for (let n = Math.min(3, words.length); n >= 1; n--) {
    const command = CLI_COMMANDS.find((c) => c.name === words.slice(0, n).join(" "));
    if (command) return { command, rest: words.slice(n) };
  }
  return undefined;
}

/** Runs `mss-bot <args>`; returns the exit code. */
export async function runCli(argv: string[], io: Omit<CliIo, "json">): Promise<number> {
  const json = argv.includes("--json");
  const words = argv.filter((a) => a !== "--json");
  const cli: CliIo = { ...io, json };
  if (words.length === 0 || ["--help", "-h", "help"].includes(words[0] as string) && words.length === 1) {
    io.out(`${overview()}\n`);
    return words.length === 0 ? EXIT.badInput : EXIT.ok;
  }
  const local = findCliCommand(words);
  if (local) return local.command.run(local.rest, cli);

  const ready = await cliServices(cli);
  if (typeof ready === "number") return ready;
  const { services } = ready;
  try {
    return await runChatCommand(words, services, cli);
  } finally {
    services.store.close();
  }
}

/** Runs a chat command (paper, papers, …) from the command line, as the local operator. */
async function runChatCommand(words: string[], services: Services, io: CliIo): Promise<number> {
  const found = services.commands.match(words);
  if (!found) {
    io.err(`error: unknown command "${words[0]}". Run mss-bot --help for the list.\n`);
    return EXIT.badInput;
  }
  const parsed = parseCommandText(found.command, found.rest);
  const reply: Reply = parsed.ok
    ? await dispatch(services.commands, found.command.name, parsed.args, {
        platform: "cli",
        channel: null,
        user: { id: "cli", name: "cli", isAdmin: true },
        services,
      })
    : { kind: "error", reason: "invalid", text: `${found.command.name}: ${parsed.error}.`, hint: `Usage: ${usage(found.command, "cli")}` };

  if (io.json) printJson(io, reply);
  if (reply.kind === "error") io.err(`error: ${reply.text}${reply.hint ? `\n${reply.hint}` : ""}\n`);
  // A reply with a file (cite) prints the file itself, so `mss-bot cite AlpaServe > alpaserve.bib` works.
  else if (!io.json) io.out(reply.kind === "info" && reply.file ? reply.file.content : `${renderText(reply)}\n`);
  return exitCodeOf(reply);
}
