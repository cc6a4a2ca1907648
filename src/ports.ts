import type { IncomingMessage, ServerResponse } from "node:http";
import type { Platform, Reply } from "./replies/reply.js";

/** An HTTP route the core offers to whichever server listens on PORT (ours, or Slack's receiver): ops endpoints, the reading calendar. */
export interface OpsRoute {
  path: string;
  method: "GET";
  handler(req: IncomingMessage, res: ServerResponse): void;
}

/**
 * What a platform said about one delivery; the outbox decides to retry, fail or
 * mark sent from it. "credentials" means the platform refused the bot's token:
 * not this delivery's fault, so every delivery of that platform waits for a fix.
 */
export type DeliveryResult =
  | { ok: true; messageId: string }
  | { ok: false; retry: "transient"; reason: string; retryAfterMs?: number }
  | { ok: false; retry: "credentials"; reason: string }
  /** `followsParent`: refused only because the message it belongs to (a thread's first post, a message to edit) failed; that failure already counted. */
  | { ok: false; retry: "permanent"; reason: string; followsParent?: true };

/** Which try of a delivery this is; after the first, an earlier try may have reached the platform. */
export interface DeliveryAttempt {
  /** 1 for the first try. More means an earlier try was made (and may have posted), even by a process that died since. */
  number: number;
  /** When the delivery was queued: no earlier try is older than this. */
  queuedAt: string;
}

/**
 * How hard the outbox may drive a platform: calls in flight at once, across
 * channels (a channel always has one at a time), and calls started per
 * second; the platform's client keeps each request within its rate limits.
 */
export interface DeliveryLimits {
  concurrency: number;
  /** Calls started per second at most (the platform's global rate), evenly (bursts of a tenth of a second's worth). */
  perSecond?: number;
  /** Calls per second to one channel at most (Slack: 1): a channel's next call waits 1/rate after its previous one was answered. */
  perChannelPerSecond?: number;
}

/**
 * Posts a reply to a channel. Each adapter implements it; the outbox uses it.
 * `key` is the delivery's idempotency key: adapters pass it to the platform
 * (Discord nonce, Slack metadata) so a retry never posts twice.
 */
export interface Announcer {
  readonly platform: Platform;
  /** Without it the outbox uses its default concurrency and no gap. */
  readonly limits?: DeliveryLimits;
  announce(channelId: string, reply: Reply, key: string, attempt: DeliveryAttempt): Promise<DeliveryResult>;
  /** Sends a direct message to a chat user (reading-group reminders); platforms without DMs leave it out. */
  direct?(userId: string, reply: Reply, key: string, attempt: DeliveryAttempt): Promise<DeliveryResult>;
  /**
   * Posts in the discussion thread of an earlier message of the channel, opening
   * the thread (named `threadName`) when it has none yet: a Discord thread on the
   * message, replies under it on Slack. Without it, thread posts go to the channel.
   */
  postInThread?(channelId: string, parentMessageId: string, threadName: string, reply: Reply, key: string, attempt: DeliveryAttempt): Promise<DeliveryResult>;
  /**
   * Replaces an earlier message of the channel in place with `reply` (the weekly
   * post's RSVP counts, its paper after a vote): Discord edits the message, Slack
   * chat.update. Editing to the same content twice is harmless, so a retry is safe.
   */
  edit?(channelId: string, messageId: string, reply: Reply, key: string, attempt: DeliveryAttempt): Promise<DeliveryResult>;
}

/** A running chat platform connection, started and stopped by app/main. */
export interface ChatAdapter {
  readonly platform: Platform;
  readonly announcer: Announcer;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Connected and able to answer; with the reason when not (for /readyz). */
  status(): { ready: boolean; reason?: string };
}

/**
 * Small persistent settings (a registration hash, the reading-group channel, …).
 * The SQLite store implements it; MemorySettings serves tests and dry runs.
 */
export interface SettingsStore {
  get(key: string): string | undefined;
  set(key: string, value: string): void;
}
