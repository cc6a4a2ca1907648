import { renderText } from "../../adapters/console/render-text.js";
import { dispatch } from "../../src/commands/dispatch.js";
import { parseCommandText } from "../../src/commands/parse-text.js";
import { usage } from "../../src/commands/usage.js";
import { describeProblems, loadConfig } from "../../src/config.js";
import { silentLogger } from "../../src/log.js";
import type { Reply } from "../../src/replies/reply.js";
import { buildServices } from "../services.js";
import { diffCommand } from "./diff.js";
import { discordCommand } from "./discord.js";
import { EXIT, printJson, type CliCommand, type CliIo } from "./io.js";

/** Commands that exist only here; the chat commands (paper, papers, …) come from the core registry. */
const CLI_COMMANDS: CliCommand[] = [diffCommand, discordCommand];

function exitCodeOf(reply: Reply): number {
  if (reply.kind !== "error") return EXIT.ok;
  return reply.reason === "invalid" || reply.reason === "forbidden" ? EXIT.badInput : EXIT.noResult;
}

async function overview(io: CliIo): Promise<string> {
  const { createRegistry } = await import("../../src/commands/all.js");
  const chat = createRegistry().commands.map((c) => `  ${usage(c, "cli")}\n      ${c.description}`);
  const local = CLI_COMMANDS.map((c) => `  ${c.usage}\n      ${c.summary}`);
  void io;
  return ["Usage: mss-bot <command> [options] [--json]", "", "Commands:", ...chat, ...local, "", "--json prints one JSON document on stdout. Exit codes: 0 ok, 1 no result, 2 bad input."].join("\n");
}

/** Runs `mss-bot <args>`; returns the exit code. */
export async function runCli(argv: string[], io: Omit<CliIo, "json">): Promise<number> {
  const json = argv.includes("--json");
  const words = argv.filter((a) => a !== "--json");
  const cli: CliIo = { ...io, json };
  if (words.length === 0 || ["--help", "-h", "help"].includes(words[0] as string) && words.length === 1) {
    io.out(`${await overview(cli)}\n`);
    return words.length === 0 ? EXIT.badInput : EXIT.ok;
  }
  const local = CLI_COMMANDS.find((c) => c.name === words[0]);
  if (local) return local.run(words.slice(1), cli);

  const loaded = loadConfig();
  if (!loaded.ok) {
    io.err(`${describeProblems(loaded.problems)}\n`);
    return EXIT.badInput;
  }
  const services = await buildServices(loaded.config, silentLogger());
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

  if (json) printJson(cli, reply);
  if (reply.kind === "error") io.err(`error: ${reply.text}${reply.hint ? `\n${reply.hint}` : ""}\n`);
  else if (!json) io.out(`${renderText(reply)}\n`);
  return exitCodeOf(reply);
}
