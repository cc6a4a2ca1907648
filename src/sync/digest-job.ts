import type { Job } from "../jobs/job-runner.js";
import type { PaperRecords } from "../papers/record.js";
import type { Store } from "../store/store.js";
import { queueDueDigests } from "./scheduled-digest.js";

/**
 * The digest job: every minute (and at start-up), queues the daily and weekly
 * digests whose time has come on the bot's own clock (MSS_TZ, `timeZone`), not the reading group's.
 */
export function digestJob(deps: { store: Store; now: () => Date; timeZone: string; catalog: { records: PaperRecords } }): Job {
  return {
    name: "digests",
    schedule: "* * * * *",
    async run() {
      const result = queueDueDigests(deps.store, deps.timeZone, deps.now(), deps.catalog.records);
      return result.digests.length === 0 ? "no digest due" : `digests ${result.digests.join(", ")}: ${result.queued} deliveries`;
    },
  };
}
