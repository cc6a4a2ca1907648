import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  PermissionFlagsBits,
  type APIApplicationCommandBasicOption,
  type APIApplicationCommandOption,
  type APIApplicationCommandOptionChoice,
  type APIApplicationCommandSubcommandOption,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord.js";
import type { AnyCommand } from "../../../src/commands/command.js";
import { listOptions, type OptionMeta } from "../../../src/commands/options.js";
import type { Tag } from "../../../src/papers/index.js";
import { cut } from "../render/escape.js";

export type CommandsJson = RESTPostAPIChatInputApplicationCommandsJSONBody[];

/** Discord's rule for command and option names (lowercase where the script has case). */
const NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;
const MAX_CHOICES = 25;
const ADMIN_PERMISSIONS = PermissionFlagsBits.ManageGuild.toString();

/** How an option is completed while typing; "tags" when the legend has more than Discord's 25 choices. */
export function autocompleteKind(meta: OptionMeta, legend: readonly Tag[]): "papers" | "reporters" | "tags" | undefined {
  if (meta.autocomplete) return meta.autocomplete;
  if (meta.dynamicChoices === "tags" && tagChoiceCount(meta, legend) > MAX_CHOICES) return "tags";
  return undefined;
}

function checkName(name: string, what: string): string {
  if (!NAME.test(name) || name !== name.toLowerCase()) throw new Error(`${what} "${name}" is not a valid Discord name (1-32 lowercase letters, digits, - or _)`);
  return name;
}

const description = (text: string, fallback: string): string => cut(text.trim() || fallback, 100);

/** The tag value the command accepts: its id, or its symbol when the id is longer than the option allows. */
const tagValue = (tag: Tag, maxLength: number | undefined) => (maxLength === undefined || tag.id.length <= maxLength ? tag.id : tag.symbol);

/** The legend's tags, plus the option's clearing word ("any") when it has one. */
const tagChoiceCount = (meta: OptionMeta, legend: readonly Tag[]) => legend.length + (meta.clearWord === undefined ? 0 : 1);

/** The followed lists' ids, plus the option's clearing word ("any") when it has one; none past Discord's 25 (the option stays typed text). */
function listChoices(meta: OptionMeta, listIds: readonly string[]): APIApplicationCommandOptionChoice<string>[] | undefined {
  if (listIds.length === 0 || listIds.length + (meta.clearWord === undefined ? 0 : 1) > MAX_CHOICES) return undefined;
  const lists = listIds.map((id) => ({ name: cut(id, 100), value: cut(id, 100) }));
  return meta.clearWord === undefined ? lists : [...lists, { name: `${meta.clearWord} (every list)`, value: meta.clearWord }];
}

function choicesOf(meta: OptionMeta, legend: readonly Tag[], listIds: readonly string[]): APIApplicationCommandOptionChoice<string>[] | undefined {
  if (meta.dynamicChoices === "lists") return listChoices(meta, listIds);
  if (meta.choices) return meta.choices.slice(0, MAX_CHOICES).map((value) => ({ name: cut(value, 100), value: cut(value, 100) }));
  if (meta.dynamicChoices === "tags" && legend.length > 0 && tagChoiceCount(meta, legend) <= MAX_CHOICES) {
    const tags = legend.map((tag) => ({ name: cut(`${tag.symbol} ${tag.label}`, 100), value: tagValue(tag, meta.maxLength) }));
    return meta.clearWord === undefined ? tags : [...tags, { name: `${meta.clearWord} (no category filter)`, value: meta.clearWord }];
  }
  return undefined;
}

/** One option of a command, from the metadata of its zod schema (never written by hand). */
export function optionJson(name: string, meta: OptionMeta, required: boolean, legend: readonly Tag[], listIds: readonly string[] = []): APIApplicationCommandBasicOption {
  const base = { name: checkName(name, "option"), description: description(meta.description, name), required };
  switch (meta.type) {
    case "boolean":
      return { ...base, type: ApplicationCommandOptionType.Boolean };
    case "user":
      return { ...base, type: ApplicationCommandOptionType.User };
    case "integer":
      return {
        ...base,
        type: ApplicationCommandOptionType.Integer,
        ...(meta.min !== undefined ? { min_value: meta.min } : {}),
        ...(meta.max !== undefined ? { max_value: meta.max } : {}),
      };
    case "string": {
      const choices = choicesOf(meta, legend, listIds);
      if (choices) return { ...base, type: ApplicationCommandOptionType.String, choices };
      return {
        ...base,
        type: ApplicationCommandOptionType.String,
        ...(meta.minLength !== undefined ? { min_length: Math.min(Math.max(meta.minLength, 0), 6000) } : {}),
        ...(meta.maxLength !== undefined ? { max_length: Math.min(Math.max(meta.maxLength, 1), 6000) } : {}),
        ...(autocompleteKind(meta, legend) ? { autocomplete: true } : {}),
      };
    }
  }
}

/** A command's options, required ones first (Discord insists), otherwise in declaration order. */
function optionsOf(command: AnyCommand, legend: readonly Tag[], listIds: readonly string[]): APIApplicationCommandBasicOption[] {
  const options = listOptions(command.options);
  return [...options.filter((o) => o.required), ...options.filter((o) => !o.required)].map((o) => optionJson(o.name, o.meta, o.required, legend, listIds));
}

const adminOnly = (commands: AnyCommand[]) => commands.length > 0 && commands.every((c) => c.admin === true);

/**
 * The Discord registration of every command, generated from the core
 * registry: "paper" becomes /paper; "reading schedule" and "reading swap"
 * become /reading with two subcommands ("a b c" a subcommand group).
 * Admin commands get default_member_permissions = ManageGuild (hidden from
 * others); the adapter checks the member's permissions again at run time.
 * A group is hidden only when all of its subcommands are admin-only.
 * `list:` options offer the followed lists' ids as choices.
 */
export function buildCommands(commands: readonly AnyCommand[], legend: readonly Tag[], listIds: readonly string[] = []): CommandsJson {
  const roots = new Map<string, AnyCommand[]>();
  for (const command of commands) {
    const root = command.name.split(" ")[0] as string;
    roots.set(root, [...(roots.get(root) ?? []), command]);
  }
  return [...roots].map(([root, members]) => {
    checkName(root, "command");
    const top = members.find((c) => c.name === root);
    if (top && members.length > 1) throw new Error(`"${root}" is both a command and a group of subcommands; Discord cannot register both`);
    const json: RESTPostAPIChatInputApplicationCommandsJSONBody = top
      ? { type: ApplicationCommandType.ChatInput, name: root, description: description(top.description, root), options: optionsOf(top, legend, listIds) }
      : { type: ApplicationCommandType.ChatInput, name: root, description: description(`${root}: ${members.map((c) => c.name.slice(root.length + 1)).join(", ")}`, root), options: subcommandsOf(root, members, legend, listIds) };
    if (adminOnly(members)) json.default_member_permissions = ADMIN_PERMISSIONS;
    return json;
  });
}

function subcommandsOf(root: string, members: AnyCommand[], legend: readonly Tag[], listIds: readonly string[]): APIApplicationCommandOption[] {
  const out: APIApplicationCommandOption[] = [];
  const groups = new Map<string, APIApplicationCommandSubcommandOption[]>();
  for (const command of members) {
    const words = command.name.split(" ");
    if (words.length > 3) throw new Error(`"${command.name}": Discord allows at most a group and a subcommand under /${root}`);
    const leaf = checkName(words[words.length - 1] as string, "subcommand");
    const sub: APIApplicationCommandSubcommandOption = { type: ApplicationCommandOptionType.Subcommand, name: leaf, description: description(command.description, leaf), options: optionsOf(command, legend, listIds) };
    if (words.length === 2) {
      out.push(sub);
      continue;
    }
    const group = checkName(words[1] as string, "subcommand group");
    let list = groups.get(group);
    if (!list) {
      list = [];
      groups.set(group, list);
      out.push({ type: ApplicationCommandOptionType.SubcommandGroup, name: group, description: description(`${root} ${group}`, group), options: list });
    }
    list.push(sub);
  }
  return out;
}
