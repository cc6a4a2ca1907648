import { pino, type Logger } from "pino";

export type { Logger };

/** The bot's logger: JSON lines on the given stream (stderr by default, so a console chat stays readable). */
export function createLogger(level: string, destination: number = 2): Logger {
  return pino({ level, base: undefined }, pino.destination({ fd: destination, sync: true }));
}

/** A logger that drops everything, for tests and one-shot CLI runs. */
export function silentLogger(): Logger {
  return pino({ level: "silent" });
}
