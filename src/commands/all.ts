import { abstractCommand } from "./abstract.js";
import type { AnyCommand } from "./command.js";
import { citeCommand } from "./cite.js";
import { helpCommand } from "./help.js";
import { listsCommand } from "./lists.js";
import { metaCommand } from "./meta.js";
import { paperCommand } from "./paper.js";
import { papersCommand } from "./papers.js";
import { READING_COMMANDS } from "./reading/index.js";
import { CommandRegistry } from "./registry.js";
import { softwareCommand } from "./software.js";
import { statsCommand } from "./stats.js";
import { subscribeCommand, unsubscribeCommand } from "./subscribe.js";
import { subscriptionsCommand } from "./subscriptions.js";
import { syncCommand } from "./sync.js";
import { unwatchCommand, watchCommand } from "./watch.js";
import { watchesCommand } from "./watches.js";
import { whyCommand } from "./why.js";

/** Every command of the bot, in help order. Adding a command is adding it here. */
export const ALL_COMMANDS: readonly AnyCommand[] = [
  paperCommand,
  abstractCommand,
  papersCommand,
  citeCommand,
  metaCommand,
  softwareCommand,
  statsCommand,
  listsCommand,
  subscribeCommand,
  unsubscribeCommand,
  subscriptionsCommand,
  watchCommand,
  watchesCommand,
  unwatchCommand,
  syncCommand,
  whyCommand,
  ...READING_COMMANDS,
  helpCommand,
];

export const createRegistry = (commands: readonly AnyCommand[] = ALL_COMMANDS) => new CommandRegistry(commands);
