import { LogLevel, type Logger as BoltLogger } from "@slack/bolt";
import type { Logger } from "../../src/log.js";

function toLog(parts: unknown[]): [Record<string, unknown>, string] {
  const err = parts.find((p): p is Error => p instanceof Error);
  const text = parts
    .filter((p) => p !== err)
    .map((p) => (typeof p === "string" ? p : JSON.stringify(p)))
    .join(" ");
  return [err ? { component: "bolt", err } : { component: "bolt" }, text || (err?.message ?? "")];
}

const LEVELS: Record<string, LogLevel> = { trace: LogLevel.DEBUG, debug: LogLevel.DEBUG, info: LogLevel.INFO, warn: LogLevel.WARN };

/** Bolt's and the Socket Mode client's log lines, through the bot's pino logger (Bolt's own logger would print to stdout). */
export function boltLogger(log: Logger): BoltLogger {
  return {
    debug: (...parts) => log.debug(...toLog(parts)),
    info: (...parts) => log.info(...toLog(parts)),
    warn: (...parts) => log.warn(...toLog(parts)),
    error: (...parts) => log.error(...toLog(parts)),
    setLevel: () => {},
    getLevel: () => LEVELS[log.level] ?? LogLevel.ERROR,
    setName: () => {},
  };
}
