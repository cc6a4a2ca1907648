import type { ErrorReason } from "../../src/replies/reply.js";

/** Exit codes of every `mss-bot` command. */
export const EXIT = { ok: 0, noResult: 1, badInput: 2 } as const;

export interface CliIo {
  json: boolean;
  /** stderr is a terminal: progress lines are worth printing. */
  terminal?: boolean;
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

/**
 * A failure a command stops on: the runner (run-command.ts) prints it once,
 * as `error: <text>` on stderr and, with --json, as an error document on stdout.
 */
export class CliFailure extends Error {
  override name = "CliFailure";
  constructor(
    readonly reason: ErrorReason,
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }

  get exitCode(): number {
    return this.reason === "invalid" || this.reason === "forbidden" ? EXIT.badInput : EXIT.noResult;
  }
}

/** Bad input: a usage error, a bad flag, a file that is not there (exit 2). */
export const badInput = (message: string, hint?: string) => new CliFailure("invalid", message, hint);

/** "no such file", "permission denied", … for a file-system error code. */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case "ENOENT":
      return "no such file";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "EISDIR":
      return "is a directory";
    case "ENOTDIR":
      return "a part of the path is not a directory";
    default:
      return code ?? (error instanceof Error ? error.message : String(error));
  }
}

/** A file-system error as a CLI failure: "cannot read /missing.md: no such file" (exit 2). */
export const cannotRead = (path: string, error: unknown) => badInput(`cannot read ${path}: ${describeFsError(error)}`);

/** "cannot write /no/dir/x.ics: no such directory" (exit 2). */
export function cannotWrite(path: string, error: unknown): CliFailure {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return badInput(`cannot write ${path}: ${code === "ENOENT" ? "no such directory" : describeFsError(error)}`);
}
