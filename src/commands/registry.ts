import type { AnyCommand } from "./command.js";

// The services carry the command registry (help, why and the adapters look commands up), but
// services.ts sits below the commands; the commands add it here instead of services.ts importing up.
declare module "../services.js" {
  interface Services {
    commands: CommandRegistry;
  }
}

/** The commands of the bot by name; adding a command is adding it to the list given here. */
export class CommandRegistry {
  private readonly byName = new Map<string, AnyCommand>();

  constructor(readonly commands: readonly AnyCommand[]) {
    for (const command of commands) {
      if (this.byName.has(command.name)) throw new Error(`command "${command.name}" is defined twice`);
      if (command.description.length > 100) throw new Error(`command "${command.name}": description over 100 characters`);
      this.byName.set(command.name, command);
    }
  }

  get(name: string): AnyCommand | undefined {
    return this.byName.get(name);
  }

  /**
   * The command that typed words start with, and the words left over as its
   * arguments: ["reading", "schedule", "8"] -> reading schedule, ["8"].
   */
  match(words: string[]): { command: AnyCommand; rest: string[] } | undefined {
    for (let n = Math.min(words.length, 3); n >= 1; n--) {
      const command = this.byName.get(words.slice(0, n).join(" ").toLowerCase());
      if (command) return { command, rest: words.slice(n) };
    }
    return undefined;
  }

  /** Top-level names: "paper", "papers", "reading" (the group of "reading schedule" …). */
  roots(): string[] {
    return [...new Set(this.commands.map((c) => c.name.split(" ")[0] as string))];
  }
}
