import { mkdirSync, openSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname } from "node:path";
import { pino, type Logger } from "pino";
import type { PrettyStream } from "pino-pretty";

export type { Logger };

export interface LoggerOptions {
  level: string;
  /** Human-readable lines (a person at a terminal); JSON lines otherwise. */
  pretty?: boolean;
  /** Secret values (tokens) scrubbed from every line, wherever they appear. */
  secrets?: string[];
  /** File descriptor to write to; stderr by default, so a console chat on stdout stays readable. */
  fd?: number;
  /** A stream to write JSON lines to instead (tests). */
  stream?: { write(line: string): void };
}

// Keys whose values are secrets wherever they appear in a logged object.
const REDACT_PATHS = [
  "token",
  "*.token",
  "botToken",
  "*.botToken",
  "appToken",
  "*.appToken",
  "signingSecret",
  "*.signingSecret",
  "authorization",
  "*.authorization",
  "headers.authorization",
  "*.headers.authorization",
  "config.headers.Authorization",
];

/** Replaces every occurrence of each secret (at least 6 characters, to avoid scrubbing common words). */
export function scrubber(secrets: string[]): (line: string) => string {
  const values = [...new Set(secrets.filter((s) => s.length >= 6))].sort((a, b) => b.length - a.length);
  if (values.length === 0) return (line) => line;
  return (line) => values.reduce((out, secret) => out.split(secret).join("[redacted]"), line);
}

/**
 * The bot's logger: JSON lines (or pretty lines at a terminal) with secret keys
 * redacted by path and secret values scrubbed from the final text, so a token
 * never reaches a log even inside an error message or a URL.
 */
export function createLogger(options: LoggerOptions): Logger {
  const scrub = scrubber(options.secrets ?? []);
  const fd = options.fd ?? 2;
  const destination = options.stream
    ? options.stream
    : options.pretty
    ? loadPretty()({ colorize: true, destination: fd, sync: true, translateTime: "SYS:HH:MM:ss", ignore: "pid,hostname" })
    : pino.destination({ fd, sync: true });
  return pino(
    {
      level: options.level,
      base: undefined,
      redact: { paths: REDACT_PATHS, censor: "[redacted]" },
      hooks: { streamWrite: scrub },
    },
    destination,
  );
}

/**
 * Opens a log file to append to (its folder created), for `fd`; an error says
 * why it cannot be, and the caller keeps stderr: a log never stops the bot.
 */
export function openLogFile(path: string): { fd: number } | { error: string } {
  try {
    mkdirSync(dirname(path), { recursive: true });
    return { fd: openSync(path, "a") };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/** pino-pretty, loaded only when a person is reading the logs at a terminal. */
function loadPretty(): (options: Record<string, unknown>) => PrettyStream {
  const required: unknown = createRequire(import.meta.url)("pino-pretty");
  return required as (options: Record<string, unknown>) => PrettyStream;
}

/** A logger that drops everything, for tests and one-shot CLI runs. */
export function silentLogger(): Logger {
  return pino({ level: "silent" });
}
