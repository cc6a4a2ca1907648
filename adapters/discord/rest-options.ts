import { REST, type RateLimitData, type RESTOptions } from "discord.js";
import type { Config } from "../../src/config.js";

export type DiscordConfig = NonNullable<Config["discord"]>;

const apiOf = (config: DiscordConfig): Partial<RESTOptions> => (config.apiUrl ? { api: config.apiUrl.replace(/\/+$/, "") } : {});

/**
 * REST options of the gateway client (interaction answers, registration).
 * - timeout 10 s (default 15 s): an interaction must be answered within 3 s
 *   and its token lives 15 min, so a request hanging longer is not worth waiting for;
 * - retries 1 (default 3): one immediate retry of a dropped connection or a 5xx,
 *   not three in a row against a struggling API;
 * - rate limits are queued as usual: interaction callbacks and the rare
 *   registration PUT are better late than lost;
 * - idle request queues swept every 5 minutes (default hourly): follow-ups and
 *   edits of a deferred answer get a queue per interaction token, so an hour of
 *   a busy server's interactions would otherwise stay in memory.
 */
export function clientRestOptions(config: DiscordConfig): Partial<RESTOptions> {
  return { ...apiOf(config), timeout: 10_000, retries: 1, handlerSweepInterval: 5 * 60_000 };
}

/**
 * A REST client of its own for announcements, configured so that discord.js
 * never hides or stretches a delivery's outcome; the outbox decides about retries:
 * - retries 0: a 5xx, a timeout or a reset connection is reported at once (transient);
 * - rejectOnRateLimit for every route bucket: a 429 (or a bucket known to be
 *   exhausted) throws a RateLimitError carrying Retry-After instead of sleeping
 *   in the queue; only the global limit (50 requests/s) is waited out when it
 *   frees within two seconds (its one-second window), so a fan-out to many channels is paced by the client
 *   instead of bounced back to the outbox's backoff;
 * - timeout 10 s: a hung request becomes a transient failure, not a stuck delivery.
 * It needs no gateway connection, so announcements go out while the gateway reconnects.
 */
export function createAnnouncerRest(config: DiscordConfig): REST {
  return new REST({ ...apiOf(config), timeout: 10_000, retries: 0, rejectOnRateLimit: rejectUnlessGlobalPacing }).setToken(config.token);
}

/** The longest wait for the global limit the announcer's client sits out itself: one window of Discord's 50 requests/s, plus the client's offset and slack. */
const GLOBAL_PACING_MS = 2_000;

/** Bounces every rate limit to the outbox except the global limit's own pacing (its window frees within a second or so). */
export function rejectUnlessGlobalPacing(limit: RateLimitData): boolean {
  return !(limit.global && Math.max(limit.timeToReset, limit.retryAfter) <= GLOBAL_PACING_MS);
}
