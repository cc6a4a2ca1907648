import type { Database } from "better-sqlite3";
import { z } from "zod";
import { PLATFORMS } from "../papers/platforms.js";

export const SubscriptionFilterSchema = z.object({
  /** The one followed list (MSS_LISTS id) whose papers the channel gets; absent: every list. */
  list: z.string().optional(),
  tag: z.string().optional(),
  venue: z.string().optional(),
  reporter: z.string().optional(),
});
export type SubscriptionFilter = z.infer<typeof SubscriptionFilterSchema>;

export const DELIVERY_MODES = ["instant", "daily", "weekly"] as const;
/** Days as cron counts them: 0 = Sunday. */
export const WEEKDAY_NAMES = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"] as const;
export const CLOCK_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * How a channel wants its announcements: each at once or in a digest (daily at
 * `at`, weekly on `day` at `at`, in MSS_TZ), each with a discussion thread or
 * not, and whom to ping (a Discord role or Slack user group id). A stored '{}'
 * (subscriptions from before these options) reads as instant, no thread, no ping.
 */
export const DeliveryOptionsSchema = z.object({
  mode: z.enum(DELIVERY_MODES).default("instant"),
  at: z.string().regex(CLOCK_TIME).default("09:00"),
  day: z.enum(WEEKDAY_NAMES).default("mon"),
  thread: z.boolean().default(false),
  mention: z.string().nullable().default(null),
});
export type DeliveryOptions = z.infer<typeof DeliveryOptionsSchema>;
export const DEFAULT_DELIVERY: DeliveryOptions = DeliveryOptionsSchema.parse({});

export const SubscriptionSchema = z.object({
  id: z.number().int(),
  platform: z.enum(PLATFORMS),
  channelId: z.string(),
  filter: SubscriptionFilterSchema,
  delivery: DeliveryOptionsSchema,
  status: z.enum(["active", "paused", "off"]),
  statusReason: z.string().nullable(),
  permanentFailures: z.number().int(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Subscription = z.infer<typeof SubscriptionSchema>;

const COLUMNS = `id, platform, channel_id AS channelId, filter_json AS filter, delivery_json AS delivery, status, status_reason AS statusReason,
  permanent_failures AS permanentFailures, created_by AS createdBy, created_at AS createdAt, updated_at AS updatedAt`;

// Built once: a zod schema built per row costs more than the row's whole parse.
const StoredRowSchema = z.object({ filter: z.string(), delivery: z.string() }).passthrough();

function toSubscription(row: unknown): Subscription {
  const r = StoredRowSchema.parse(row);
  return SubscriptionSchema.parse({ ...r, filter: JSON.parse(r.filter), delivery: JSON.parse(r.delivery) });
}

/** Which channels want announcements, with what filter; paused and switched-off rows are kept, never deleted. */
export class SubscriptionRepo {
  constructor(private readonly db: Database) {}

  get(platform: string, channelId: string): Subscription | undefined {
    const row = this.db.prepare(`SELECT ${COLUMNS} FROM subscriptions WHERE platform = ? AND channel_id = ?`).get(platform, channelId);
    return row === undefined ? undefined : toSubscription(row);
  }

  active(): Subscription[] {
    return this.db.prepare(`SELECT ${COLUMNS} FROM subscriptions WHERE status = 'active' ORDER BY id`).all().map(toSubscription);
  }

  all(): Subscription[] {
    return this.db.prepare(`SELECT ${COLUMNS} FROM subscriptions ORDER BY id`).all().map(toSubscription);
  }

  /** Subscribes (or re-subscribes, clearing a pause) a channel with a filter and its delivery options. */
  subscribe(platform: string, channelId: string, filter: SubscriptionFilter, by: string, at: string, delivery: DeliveryOptions = DEFAULT_DELIVERY): Subscription {
    this.db
      .prepare(
        `INSERT INTO subscriptions (platform, channel_id, filter_json, delivery_json, status, created_by, created_at, updated_at)
         VALUES (?, ?, ?, ?, 'active', ?, ?, ?)
         ON CONFLICT (platform, channel_id) DO UPDATE SET filter_json = excluded.filter_json, delivery_json = excluded.delivery_json, status = 'active',
           status_reason = NULL, permanent_failures = 0, updated_at = excluded.updated_at`,
      )
      .run(platform, channelId, JSON.stringify(SubscriptionFilterSchema.parse(filter)), JSON.stringify(DeliveryOptionsSchema.parse(delivery)), by, at, at);
    return this.get(platform, channelId) as Subscription;
  }

  setStatus(id: number, status: Subscription["status"], reason: string | null, at: string): void {
    this.db.prepare("UPDATE subscriptions SET status = ?, status_reason = ?, updated_at = ? WHERE id = ?").run(status, reason, at, id);
  }

  /** Counts one more permanent delivery failure in a row; returns the count. */
  addPermanentFailure(platform: string, channelId: string): number {
    this.db.prepare("UPDATE subscriptions SET permanent_failures = permanent_failures + 1 WHERE platform = ? AND channel_id = ?").run(platform, channelId);
    return this.get(platform, channelId)?.permanentFailures ?? 0;
  }

  clearFailures(platform: string, channelId: string): void {
    this.db.prepare("UPDATE subscriptions SET permanent_failures = 0 WHERE platform = ? AND channel_id = ? AND permanent_failures > 0").run(platform, channelId);
  }
}
