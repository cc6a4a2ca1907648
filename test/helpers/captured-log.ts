import { pino } from "pino";
import type { Logger } from "../../src/log.js";

export interface LogLine {
  level: number;
  msg: string;
  [key: string]: unknown;
}

/** A real pino logger whose JSON lines are kept for assertions. */
export function capturedLog(): { log: Logger; lines: LogLine[]; messages: () => string[] } {
  const lines: LogLine[] = [];
  const log = pino({ level: "debug" }, { write: (line: string) => void lines.push(JSON.parse(line) as LogLine) });
  return { log, lines, messages: () => lines.map((l) => l.msg) };
}
