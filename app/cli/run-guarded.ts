import { ListParseError } from "../../src/papers/index.js";
import type { ErrorReason } from "../../src/replies/reply.js";
import { cannotRead, CliFailure, EXIT, printJson, type CliIo } from "./io.js";

/** A thrown error as the failure to report: a CliFailure as it is, a file error as "cannot read …", anything else as itself. */
export function toFailure(error: unknown): CliFailure {
  if (error instanceof CliFailure) return error;
  if (error instanceof ListParseError) return new CliFailure("failed", error.message);
  const fsError = error as NodeJS.ErrnoException | undefined;
  if (fsError && typeof fsError.code === "string" && typeof fsError.path === "string") return cannotRead(fsError.path, error);
  return new CliFailure("failed", error instanceof Error ? error.message : String(error));
}

/** Prints a failure once: `error: …` on stderr, and the error document on stdout with --json. */
export function reportFailure(io: CliIo, failure: CliFailure): number {
  if (io.json) printJson(io, { kind: "error", reason: failure.reason, text: failure.message, ...(failure.hint ? { hint: failure.hint } : {}) });
  io.err(`error: ${failure.message}${failure.hint ? `\n${failure.hint}` : ""}\n`);
  return failure.exitCode;
}

const reasonOf = (code: number): ErrorReason => (code === EXIT.badInput ? "invalid" : "failed");

/**
 * The one boundary every `mss-bot` command runs through (CLI-only and chat
 * commands alike, and any added later): a thrown CliFailure, file error or
 * bug becomes `error: …` on stderr and its exit code; with --json, stdout gets
 * exactly one JSON document even when the command printed none itself (the
 * error document is made from what it said on stderr).
 */
export async function runGuarded(io: CliIo, run: (io: CliIo) => Promise<number>): Promise<number> {
  let printed = 0;
  let said = "";
  const watched: CliIo = {
    ...io,
    out(text) {
      printed++;
      io.out(text);
    },
    err(text) {
      said += text;
      io.err(text);
    },
  };
  let code: number;
  try {
    code = await run(watched);
  } catch (error) {
    return reportFailure(printed > 0 ? { ...io, json: false } : io, toFailure(error));
  }
  if (io.json && printed === 0) {
    const [first = "", ...rest] = said.trim().split("\n");
    const text = first.replace(/^error:\s*/i, "") || (code === EXIT.ok ? "done" : "failed without a message");
    if (code === EXIT.ok) printJson(io, { kind: "notice", text });
    else printJson(io, { kind: "error", reason: reasonOf(code), text, ...(rest.length > 0 ? { hint: rest.join("\n") } : {}) });
  }
  return code;
}
