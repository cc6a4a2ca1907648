import type { Job } from "../jobs/job-runner.js";
import type { Store } from "../store/store.js";
import { queueStartedPostEdits } from "./post-edits.js";
import type { ReadingService } from "./reading-service.js";

/**
 * The weekly reading-group post, MSS_READING_POST_LEAD before each session of
 * MSS_READING_CRON in MSS_TZ (the bot runs it every minute). Run at start-up
 * too: a post missed while the bot was down goes out while its week is current.
 * Running it again in the same week posts nothing new. Once a session starts,
 * its post is edited to drop the RSVP buttons.
 */
export function readingJob(services: { reading: ReadingService; store: Store; now: () => Date }, schedule: string): Job {
  return {
    name: "reading",
    schedule,
    async run() {
      const at = services.now();
      const closed = queueStartedPostEdits(services.reading.channels(), services.store, at);
      const buttonsOff = closed.length > 0 ? `; RSVP buttons taken off the post of ${closed.join(", ")}` : "";
      const result = services.reading.postDue(at);
      if (result.kind === "none") return `no session due${buttonsOff}`;
      const channels = services.reading.channels().length;
      const what = result.kind === "posted" ? "session posted" : "session already posted";
      return `${what} for ${result.slot.id}: ${result.queued} new deliveries${channels === 0 ? " (no reading channel set: reading channel)" : ""}${buttonsOff}`;
    },
  };
}
