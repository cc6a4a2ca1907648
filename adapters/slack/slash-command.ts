import type { AnyCommand } from "../../src/commands/command.js";
import { parseCommandText, tokenize, type RawArgs } from "../../src/commands/parse-text.js";
import type { CommandRegistry } from "../../src/commands/registry.js";
import { invocation, SLACK_ROOTS, usage } from "../../src/commands/usage.js";
import { errorReply, type Reply } from "../../src/replies/reply.js";

/** The slash command that holds every command without a Slack command of its own. */
export const MSS_ROOT = "mss";

export type SlashCommandRead = { ok: true; command: AnyCommand; args: RawArgs } | { ok: false; reply: Reply };

const isSlackRoot = (root: string) => (SLACK_ROOTS as readonly string[]).includes(root);

/**
 * Reads a slash command ("/papers", "venue:OSDI page:2") into a core command
 * and the same raw-args object Discord options give; the dispatcher then
 * validates it with the command's zod schema. "/mss" alone or "/mss help" is help.
 */
export function readSlashCommand(registry: CommandRegistry, slashCommand: string, text: string): SlashCommandRead {
  const root = slashCommand.replace(/^\//, "").toLowerCase();
  const words = tokenize(text);
  let found: { command: AnyCommand; rest: string[] } | undefined;
  if (root === MSS_ROOT) {
    const help = registry.get("help");
    if (words.length === 0 && help) return { ok: true, command: help, args: {} };
    found = registry.match(words);
    if (!found) {
      return { ok: false, reply: errorReply("invalid", `/mss has no command "${(words[0] ?? "").slice(0, 40)}".`, "Type /mss help for the list of commands.") };
    }
  } else if (isSlackRoot(root)) {
    found = registry.match([root, ...words]);
    if (!found) {
      const subcommands = registry.commands.filter((c) => c.name.startsWith(`${root} `)).map((c) => c.name.slice(root.length + 1));
      const hint = subcommands.length > 0 ? `Try /${root} ${subcommands.join(" | ")}` : "Type /mss help for the list of commands.";
      return { ok: false, reply: errorReply("invalid", `/${root} needs a subcommand.`, hint) };
    }
  } else {
    return { ok: false, reply: errorReply("invalid", `mss-bot does not handle /${root.slice(0, 40)}.`, "Type /mss help for the list of commands.") };
  }
  const parsed = parseCommandText(found.command, found.rest);
  if (!parsed.ok) {
    return { ok: false, reply: errorReply("invalid", `${invocation(found.command, "slack")}: ${parsed.error}.`, `Usage: ${usage(found.command, "slack")}`) };
  }
  return { ok: true, command: found.command, args: parsed.args };
}
