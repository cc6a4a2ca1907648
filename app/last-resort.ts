import type { Logger } from "../src/log.js";

/** How long a clean stop may take after an uncaught exception before the process exits anyway. */
const STOP_GRACE_MS = 10_000;

export interface LastResortOptions {
  /** Stops the bot (cron, deliveries in flight, adapters, store). */
  stop: () => Promise<void>;
  exit?: (code: number) => void;
  proc?: Pick<NodeJS.Process, "on">;
}

/**
 * The process's last line of defence, so the bot never dies silently:
 * - a promise rejection nobody handled (a library's background call) is logged
 *   and the bot keeps serving: the work that failed is retried by its owner
 *   (the deliverer, the job runner) on its next run;
 * - an exception nobody caught leaves the process in an unknown state (Node's
 *   own advice is not to go on): it is logged as fatal, the bot stops cleanly
 *   (at most 10 s) and exits 1, for the supervisor to start it again.
 */
export function installLastResort(log: Logger, { stop, exit = (code) => process.exit(code), proc = process }: LastResortOptions): void {
  let exiting = false;
  proc.on("unhandledRejection", (reason: unknown) => {
    log.error({ err: reason }, "unhandled promise rejection; the bot keeps running");
  });
  proc.on("uncaughtException", (error: Error) => {
    log.fatal({ err: error }, "uncaught exception; stopping the bot cleanly and exiting");
    if (exiting) return exit(1);
    exiting = true;
    const grace = new Promise<void>((resolve) => setTimeout(resolve, STOP_GRACE_MS).unref());
    void Promise.race([stop().catch((stopError: unknown) => log.error({ err: stopError }, "stop after an uncaught exception failed")), grace]).finally(() => exit(1));
  });
}
