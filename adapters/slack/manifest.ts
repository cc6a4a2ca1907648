import type { webApi } from "@slack/bolt";
import type { AnyCommand } from "../../src/commands/command.js";
import type { CommandRegistry } from "../../src/commands/registry.js";
import { invocation, SLACK_ROOTS, usage } from "../../src/commands/usage.js";
import { truncate } from "../../src/papers/index.js";
import { EVENTS_PATH } from "./events-path.js";
import { MSS_ROOT } from "./slash-command.js";

export type SlackManifest = webApi.AppsManifestCreateArguments["manifest"];
type SlashCommandEntry = NonNullable<NonNullable<SlackManifest["features"]>["slash_commands"]>[number];

/**
 * The bot scopes and why each is needed:
 * commands (slash commands), chat:write (announcements), chat:write.public
 * (announce in public channels the bot was not invited to), users:read (who
 * is a workspace admin), channels:history / groups:history (look an
 * announcement up by its metadata before re-posting after a timeout),
 * im:write (open the DM a reading-group reminder goes to), files:write
 * (share a chart of `stats` or `reading stats` in the channel).
 */
export const BOT_SCOPES = ["commands", "chat:write", "chat:write.public", "users:read", "channels:history", "groups:history", "im:write", "files:write"] as const;

/** What follows the command in Slack's usage hint: "[venue:VENUE] [year:YEAR] …". */
const hintOf = (command: AnyCommand) => usage(command, "slack").slice(invocation(command, "slack").length).trim();

const names = (commands: AnyCommand[], prefix: string, separator = " | ") => commands.map((c) => c.name.slice(prefix.length)).join(separator);

/** The slash commands Slack registers: /paper, /papers, /reading (when reading commands exist) and /mss for the rest. */
export function slashCommands(registry: CommandRegistry): Array<{ command: string; description: string; usage_hint: string }> {
  const entries: Array<{ command: string; description: string; usage_hint: string }> = [];
  const underRoot = (root: string) => registry.commands.filter((c) => c.name === root || c.name.startsWith(`${root} `));
  for (const root of SLACK_ROOTS) {
    const commands = underRoot(root);
    const own = commands.find((c) => c.name === root);
    if (own && commands.length === 1) {
      entries.push({ command: `/${root}`, description: own.description, usage_hint: hintOf(own) });
    } else if (commands.length > 0) {
      const subcommands = commands.filter((c) => c !== own);
      entries.push({ command: `/${root}`, description: `${root[0]?.toUpperCase()}${root.slice(1)}: ${names(subcommands, `${root} `, ", ")}.`, usage_hint: `${names(subcommands, `${root} `)} …` });
    }
  }
  const rest = registry.commands.filter((c) => !SLACK_ROOTS.some((root) => c.name === root || c.name.startsWith(`${root} `)));
  entries.push({ command: `/${MSS_ROOT}`, description: `mss-bot: ${names(rest, "", ", ")}. /mss help lists every command.`, usage_hint: `${names(rest, "")} …` });
  return entries.map((e) => ({ ...e, description: truncate(e.description, 2000), usage_hint: truncate(e.usage_hint, 1000) }));
}

export interface ManifestOptions {
  /** Public base URL of the HTTP receiver ("https://bot.example.org"); Socket Mode when absent. */
  httpBaseUrl?: string;
}

/** The Slack app manifest, generated from the core command registry. */
export function buildManifest(registry: CommandRegistry, options: ManifestOptions = {}): SlackManifest {
  const requestUrl = options.httpBaseUrl ? `${options.httpBaseUrl.replace(/\/+$/, "")}${EVENTS_PATH}` : undefined;
  const commands: SlashCommandEntry[] = slashCommands(registry).map((c) => ({ ...c, should_escape: false, ...(requestUrl ? { url: requestUrl } : {}) }));
  return {
    _metadata: { major_version: 1, minor_version: 1 },
    display_information: {
      name: "mss-bot",
      description: "The MSS-Papers list of model-serving-system papers: lookups, announcements and the reading group.",
      background_color: "#1d3557",
    },
    features: {
      bot_user: { display_name: "mss-bot", always_online: true },
      slash_commands: commands,
    },
    oauth_config: { scopes: { bot: [...BOT_SCOPES] } },
    settings: {
      interactivity: requestUrl ? { is_enabled: true, request_url: requestUrl } : { is_enabled: true },
      org_deploy_enabled: false,
      socket_mode_enabled: requestUrl === undefined,
      token_rotation_enabled: false,
    },
  };
}
