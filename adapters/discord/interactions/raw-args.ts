import { ApplicationCommandOptionType, type CommandInteractionOption } from "discord.js";
import type { RawArgs } from "../../../src/commands/parse-text.js";

interface OptionsOf {
  commandName: string;
  options: { data: readonly CommandInteractionOption[] };
}

const isGroup = (o: CommandInteractionOption) => o.type === ApplicationCommandOptionType.Subcommand || o.type === ApplicationCommandOptionType.SubcommandGroup;

/** "reading schedule" for /reading schedule: the command name plus its subcommand group and subcommand. */
export function commandNameOf(interaction: OptionsOf): string {
  const words = [interaction.commandName];
  let level = interaction.options.data;
  for (;;) {
    const group = level.find(isGroup);
    if (!group) return words.join(" ");
    words.push(group.name);
    level = group.options ?? [];
  }
}

/**
 * The typed option values of the invoked (sub)command as the same raw-args
 * object typed text gives: strings, numbers and booleans as Discord sent them
 * (a user option as the user's id). Validation is the command's zod schema's job.
 */
export function rawArgsOf(options: readonly CommandInteractionOption[]): RawArgs {
  const group = options.find(isGroup);
  if (group) return rawArgsOf(group.options ?? []);
  const args: RawArgs = {};
  for (const option of options) {
    const value = option.value;
    if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") args[option.name] = value;
  }
  return args;
}
