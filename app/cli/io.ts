/** Exit codes of every `mss-bot` command. */
export const EXIT = { ok: 0, noResult: 1, badInput: 2 } as const;

export interface CliIo {
  json: boolean;
  out(text: string): void;
  err(text: string): void;
}

/** A command that exists only on the command line (diff, sync, …), beside the chat commands. */
export interface CliCommand {
  name: string;
  usage: string;
  summary: string;
  run(args: string[], io: CliIo): Promise<number>;
}

export function printJson(io: CliIo, value: unknown): void {
  io.out(`${JSON.stringify(value, null, 2)}\n`);
}
