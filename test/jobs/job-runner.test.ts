import { afterEach, describe, expect, it } from "vitest";
import { JobRunner } from "../../src/jobs/job-runner.js";
import { capturedLog } from "../helpers/captured-log.js";

let runner: JobRunner | undefined;
afterEach(async () => {
  await runner?.stop();
});

describe("the job runner", () => {
  it("logs each run with its duration and result", async () => {
    const logs = capturedLog();
    runner = new JobRunner(logs.log, "UTC");
    await runner.runOnce({ name: "sync", schedule: "* * * * *", run: async () => "changed: 1 added" });
    expect(logs.lines.at(-1)).toMatchObject({ msg: "job finished", job: "sync", result: "changed: 1 added", ms: expect.any(Number) });
  });

  it("logs a failing job and keeps going", async () => {
    const logs = capturedLog();
    runner = new JobRunner(logs.log, "UTC");
    const job = { name: "broken", schedule: "* * * * *", run: async () => { throw new Error("boom"); } };
    await runner.runOnce(job);
    await runner.runOnce(job);
    expect(logs.lines.filter((l) => l.msg === "job failed")).toHaveLength(2);
    expect(logs.lines[0]).toMatchObject({ job: "broken", err: { message: "boom" } });
  });

  it("skips a run while the same job is still running, never doubling it", async () => {
    const logs = capturedLog();
    runner = new JobRunner(logs.log, "UTC");
    let release!: () => void;
    let runs = 0;
    const job = { name: "slow", schedule: "* * * * *", run: () => { runs++; return new Promise<void>((r) => (release = r)); } };
    const first = runner.runOnce(job);
    await runner.runOnce(job);
    release();
    await first;
    expect(runs).toBe(1);
    expect(logs.messages()).toEqual(["job still running; tick skipped", "job finished"]);
  });

  it("schedules with the configured time zone", () => {
    const logs = capturedLog();
    runner = new JobRunner(logs.log, "Europe/Berlin");
    const task = runner.add({ name: "weekly", schedule: "0 9 * * 1", run: async () => undefined });
    const next = task.getNextRun();
    expect(next && new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Berlin", weekday: "short", hour: "2-digit", minute: "2-digit" }).format(next)).toBe("Mon 09:00");
  });
});
