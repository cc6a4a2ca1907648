import cron, { type ScheduledTask } from "node-cron";
import type { Logger } from "../log.js";

/** A scheduled job: what it is called, when it runs (cron), and what it does (a short result for the log). */
export interface Job {
  name: string;
  schedule: string;
  run(): Promise<string | void>;
}

/**
 * Runs every job through one place that logs, times and catches: a failing
 * job logs its error and runs again at its next tick; a tick that finds the
 * job still running is skipped, never doubled.
 */
export class JobRunner {
  private readonly tasks: ScheduledTask[] = [];
  private readonly busy = new Set<string>();

  constructor(
    private readonly log: Logger,
    private readonly timeZone: string,
  ) {}

  add(job: Job): ScheduledTask {
    const task = cron.schedule(job.schedule, () => this.runOnce(job), {
      name: job.name,
      timezone: this.timeZone,
      noOverlap: true,
      suppressMissedWarning: true,
    });
    this.tasks.push(task);
    return task;
  }

  /** Runs a job now (at start-up, or from a command), with the same logging and overlap guard as a tick. */
  async runOnce(job: Job): Promise<void> {
    if (this.busy.has(job.name)) {
      this.log.info({ job: job.name }, "job still running; tick skipped");
      return;
    }
    this.busy.add(job.name);
    const started = performance.now();
    try {
      const result = await job.run();
      this.log.info({ job: job.name, ms: Math.round(performance.now() - started), result: result ?? "ok" }, "job finished");
    } catch (error) {
      this.log.error({ job: job.name, ms: Math.round(performance.now() - started), err: error }, "job failed");
    } finally {
      this.busy.delete(job.name);
    }
  }

  async stop(): Promise<void> {
    await Promise.all(this.tasks.map((t) => t.destroy()));
    this.tasks.length = 0;
  }
}
