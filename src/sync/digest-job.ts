import type { Job } from "../jobs/job-runner.js";
import type { Services } from "../services.js";
import { queueDueDigests } from "./scheduled-digest.js";

/**
 * The digest job: every minute (and at start-up), queues the daily and weekly
 * digests whose time has come (in MSS_TZ) and wakes the deliverer.
 */
export function digestJob(services: Pick<Services, "store" | "deliverer" | "now" | "reading" | "catalog">): Job {
  return {
    name: "digests",
    schedule: "* * * * *",
    async run() {
      const result = queueDueDigests(services.store, services.reading.timeZone, services.now(), services.catalog.records);
      if (result.queued > 0) void services.deliverer.deliverDue();
      return result.digests.length === 0 ? "no digest due" : `digests ${result.digests.join(", ")}: ${result.queued} deliveries`;
    },
  };
}
