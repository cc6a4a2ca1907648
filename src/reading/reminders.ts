import type { Job } from "../jobs/job-runner.js";
import { dmDeliveryKey, reminderKey as reminderKeyAt } from "../papers/delivery-keys.js";
import { announce, queue } from "../posting/posting.js";
import type { Platform } from "../replies/reply.js";
import type { Store } from "../store/store.js";
import { formatOffset } from "./reading-options.js";
import type { ReadingService } from "./reading-service.js";
import type { PlannedSession } from "./rotation.js";
import type { SessionReply } from "./session-reply.js";
import { queueSessionPost } from "./threads.js";

/** Sessions looked at per run: enough for the longest reminder (4 weeks) of a weekly group. */
const LOOKAHEAD_SESSIONS = 8;
const DM_PLATFORMS: readonly Platform[] = ["discord", "slack"];

export interface RemindResult {
  /** "2026-12-07|2d" per reminder queued by this run. */
  reminders: string[];
  queued: number;
}

export const reminderKey = (date: string, offsetMs: number) => reminderKeyAt(date, formatOffset(offsetMs));

/** "in 2 days", "in 1 hour", "in 25 minutes": the time left, as the reminder says it. */
function timeLeft(ms: number): string {
  const unit = (n: number, word: string) => `in ${n} ${word}${n === 1 ? "" : "s"}`;
  if (ms >= 86_400_000) return unit(Math.round(ms / 86_400_000), "day");
  if (ms >= 3_600_000) return unit(Math.round(ms / 3_600_000), "hour");
  return unit(Math.max(1, Math.round(ms / 60_000)), "minute");
}

/** The reminder's reply: the session as posted, under a reminder headline. */
export function reminderReply(reply: SessionReply, planned: PlannedSession, at: Date): SessionReply {
  return { ...reply, headline: `Reminder: reading group ${planned.slot.week} starts ${timeLeft(planned.slot.startsAt.getTime() - at.getTime())}` };
}

/**
 * Reading-group reminders (MSS_READING_REMIND) through the outbox: for each
 * session not started yet, the latest reminder offset whose time has come is
 * queued once (its announcement key is per session and offset), to the reading
 * channels and as a DM to the presenter where linked. An offset passed while
 * the bot was down goes out late, but only while the session has not started
 * and no later offset is due (then only the later one goes out). The presenter
 * and the paper are planned at that moment, so a swap or an absence changes who
 * is reminded; a skipped week gets none.
 */
export function queueDueReminders(reading: ReadingService, store: Store, at: Date): RemindResult {
  const offsets = reading.options.remindBeforeMs;
  const result: RemindResult = { reminders: [], queued: 0 };
  if (offsets.length === 0) return result;
  const now = at.getTime();
  const iso = at.toISOString();
  const sessions = reading.upcoming(at, LOOKAHEAD_SESSIONS).filter((s) => s.slot.startsAt.getTime() > now);
  return store.transaction(() => {
    for (const planned of sessions) {
      const start = planned.slot.startsAt.getTime();
      const due = offsets.filter((o) => start - o <= now).at(-1);
      if (due === undefined || planned.skipped || store.announcements.byKey(reminderKey(planned.slot.id, due))) continue;
      const key = reminderKey(planned.slot.id, due);
      const reply = reminderReply(reading.reply(planned), planned, at);
      const announcement = announce(store, { key, source: "reading", kind: "session", paperId: planned.paper?.id ?? null, reply }, iso);
      result.reminders.push(`${planned.slot.id}|${formatOffset(due)}`);
      // In the session's thread once its post is out (MSS_READING_POST_LEAD before it); else in the reading channel.
      const places = reading.places();
      const channels = places.channels;
      result.queued += queueSessionPost(places, store, planned.slot.id, key, reply, iso);
      for (const platform of DM_PLATFORMS) {
        const userId = reply.presenter?.userIds[platform];
        if (userId === undefined || !channels.some((c) => c.platform === platform)) continue;
        result.queued += queue(store, announcement.id, [{ platform, channelId: userId, key: dmDeliveryKey(key, platform, userId), target: { kind: "dm" } }], iso).length;
      }
    }
    return result;
  });
}

/** The reminder job: every minute (and at start-up), queues the reminders due and wakes the deliverer. */
export function reminderJob(services: { reading: ReadingService; store: Store; now: () => Date }): Job {
  return {
    name: "reading-remind",
    schedule: "* * * * *",
    async run() {
      const result = queueDueReminders(services.reading, services.store, services.now());
      return result.reminders.length === 0 ? "no reminder due" : `reminders ${result.reminders.join(", ")}: ${result.queued} deliveries`;
    },
  };
}
