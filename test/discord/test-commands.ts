import { ALL_COMMANDS } from "../../src/commands/all.js";
import { createRegistry } from "../../src/commands/all.js";
import { defineCommand } from "../../src/commands/command.js";
import { integer, text } from "../../src/commands/options.js";
import type { Services } from "../../src/services.js";
import { testServices } from "../helpers/bundled.js";

/** The core's commands without its reading group, whose place the test pair below takes. */
export const CORE_WITHOUT_READING = ALL_COMMANDS.filter((c) => !c.name.startsWith("reading "));

/**
 * Commands the core does not have, defined here to drive the adapter's
 * generic paths: an admin command, a subcommand pair, a slow command and a slow
 * command that fails. `runs` counts what actually ran.
 */
export function extraCommands(runs: string[] = []) {
  return [
    defineCommand({
      name: "purge",
      description: "Admin only: forget the announcement history of this channel.",
      group: "announcements",
      admin: true,
      options: { days: integer({ description: "How many days back", min: 1, max: 30 }).default(7) },
      run: ({ days }) => {
        runs.push(`purge ${days}`);
        return { kind: "notice", text: `Purged ${days} days.` };
      },
    }),
    defineCommand({
      name: "reading schedule",
      description: "The next weeks of the reading group.",
      group: "reading",
      options: { weeks: integer({ description: "How many weeks", min: 1, max: 12 }).default(4) },
      run: ({ weeks }) => {
        runs.push(`schedule ${weeks}`);
        return { kind: "notice", text: `${weeks} weeks ahead.` };
      },
    }),
    defineCommand({
      name: "reading swap",
      description: "Swap two presenters.",
      group: "reading",
      admin: true,
      options: { who: text({ description: "Presenter", max: 60, autocomplete: "reporters" }) },
      run: ({ who }) => ({ kind: "notice", text: `Swapped ${who}.` }),
    }),
    defineCommand({
      name: "resync",
      description: "Read the list again now.",
      group: "general",
      slow: true,
      options: {},
      run: async () => {
        runs.push("resync");
        return { kind: "notice", text: "The list is up to date." };
      },
    }),
    defineCommand({
      name: "breaksync",
      description: "A slow command that fails.",
      group: "general",
      slow: true,
      options: {},
      run: async () => ({ kind: "error", reason: "unavailable", text: "The upstream list cannot be reached." }),
    }),
  ];
}

/** Services whose registry is the core (without its reading group) plus the commands above. */
export function servicesWithExtras(runs: string[] = []): Services {
  return { ...testServices(), commands: createRegistry([...CORE_WITHOUT_READING, ...extraCommands(runs)]) };
}
