import type { Job } from "../jobs/job-runner.js";
import type { Services } from "../services.js";

/**
 * The weekly reading-group post, MSS_READING_POST_LEAD before each session of
 * MSS_READING_CRON in MSS_TZ (the bot runs it every minute). Run at start-up
 * too: a post missed while the bot was down goes out while its week is current.
 * Running it again in the same week posts nothing new.
 */
export function readingJob(services: Pick<Services, "reading" | "deliverer" | "now">, schedule: string): Job {
  return {
    name: "reading",
    schedule,
    async run() {
      const result = services.reading.postDue(services.now());
      if (result.kind === "none") return "no session due";
      if (result.queued > 0) void services.deliverer.deliverDue();
      const channels = services.reading.channels().length;
      const what = result.kind === "posted" ? "session posted" : "session already posted";
      return `${what} for ${result.slot.id}: ${result.queued} new deliveries${channels === 0 ? " (no reading channel set: reading channel)" : ""}`;
    },
  };
}
