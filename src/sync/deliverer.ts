import type { Logger } from "../log.js";
import type { Announcer, DeliveryAttempt, DeliveryResult } from "../ports.js";
import type { OutboxRow } from "../store/outbox-repo.js";
import type { Store } from "../store/store.js";

export interface DelivererOptions {
  /** How long a claimed row is ours before another attempt may take it (a crash mid-call). */
  leaseMs: number;
  /** First retry delay after a transient failure; doubles per attempt up to maxBackoffMs. */
  backoffMs: number;
  maxBackoffMs: number;
  /** Transient failures after which a row is failed for good (with the last reason). */
  maxAttempts: number;
  /** Permanent failures in a row after which a channel's subscription is paused. */
  pauseAfter: number;
  /** Longest wait for one announce call; past it the call counts as a transient failure. */
  callTimeoutMs: number;
  /** Rows delivered per run before yielding; the next run follows at once. */
  batch: number;
}

export const DEFAULT_DELIVERER_OPTIONS: DelivererOptions = {
  leaseMs: 120_000,
  backoffMs: 30_000,
  maxBackoffMs: 3_600_000,
  maxAttempts: 30,
  pauseAfter: 3,
  callTimeoutMs: 60_000,
  batch: 50,
};

export interface DeliveryTally {
  sent: number;
  retried: number;
  failed: number;
}

const TIMED_OUT = Symbol("timed out");

/** Told about every confirmed delivery: the announcement's detection time and the confirmation time. */
export type SentListener = (event: { platform: string; detectedAt: string; sentAt: Date }) => void;

/**
 * Delivers the outbox through the adapters' Announcer ports, oldest first. A
 * row is marked sent only after the platform confirmed; transient failures are
 * retried with exponential backoff (honouring Retry-After); permanent ones fail
 * the row with the reason and, repeated, pause the channel's subscription.
 */
export class Deliverer {
  private readonly announcers = new Map<string, Announcer>();
  private readonly options: DelivererOptions;
  private running: Promise<DeliveryTally> | undefined;
  private again = false;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private maxSleepMs = 60_000;
  private readonly sentListeners: SentListener[] = [];

  constructor(
    private readonly store: Store,
    private readonly log: Logger,
    private readonly now: () => Date = () => new Date(),
    options: Partial<DelivererOptions> = {},
  ) {
    this.options = { ...DEFAULT_DELIVERER_OPTIONS, ...options };
  }

  register(announcer: Announcer): void {
    this.announcers.set(announcer.platform, announcer);
  }

  onSent(listener: SentListener): void {
    this.sentListeners.push(listener);
  }

  /** Delivers everything due now; concurrent calls share one run (and ask for one more pass). */
  deliverDue(): Promise<DeliveryTally> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.drain().finally(() => {
      this.running = undefined;
      this.schedule();
    });
    return this.running;
  }

  /** Wakes up for due rows until stopped: after each run it sleeps until the next row is due (at most `maxSleepMs`). */
  start(maxSleepMs = 60_000): void {
    this.stopped = false;
    this.maxSleepMs = maxSleepMs;
    void this.deliverDue();
  }

  /** Stops the timer and waits (at most `graceMs`) for the run in flight. */
  async stop(graceMs = 10_000): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.running) await Promise.race([this.running.catch(() => undefined), new Promise((r) => setTimeout(r, graceMs).unref())]);
  }

  private schedule(): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    const next = this.store.outbox.nextDue([...this.announcers.keys()]);
    const wait = next === undefined ? this.maxSleepMs : Math.min(this.maxSleepMs, Math.max(0, Date.parse(next) - this.now().getTime()));
    this.timer = setTimeout(() => void this.deliverDue(), this.again ? 0 : wait);
    this.timer.unref();
    this.again = false;
  }

  /**
   * Claims and delivers one row at a time, so a crash leaves at most one row
   * in flight (claimed rows wait out their lease before another attempt).
   */
  private async drain(): Promise<DeliveryTally> {
    const tally: DeliveryTally = { sent: 0, retried: 0, failed: 0 };
    for (let n = 0; n < this.options.batch && !this.stopped; n++) {
      const now = this.now();
      const [row] = this.store.outbox.claimDue(now.toISOString(), new Date(now.getTime() + this.options.leaseMs).toISOString(), [...this.announcers.keys()], 1);
      if (!row) return tally;
      await this.deliverOne(row, tally);
    }
    if (!this.stopped) this.again = true;
    return tally;
  }

  private async deliverOne(row: OutboxRow, tally: DeliveryTally): Promise<void> {
    const { outbox, subscriptions, announcements } = this.store;
    const at = () => this.now().toISOString();
    const announcement = announcements.get(row.announcementId);
    const subscription = subscriptions.get(row.platform, row.channelId);
    if (!announcement) {
      outbox.markFailed(row.id, "the announcement is missing from the store", at());
      tally.failed++;
      return;
    }
    if (announcement.kind !== "session" && subscription?.status === "off") {
      outbox.markFailed(row.id, "the channel unsubscribed before delivery", at());
      tally.failed++;
      return;
    }
    if (announcement.kind !== "session" && subscription?.status === "paused") {
      outbox.release(row.id, new Date(this.now().getTime() + this.options.maxBackoffMs).toISOString());
      return;
    }
    const announcer = this.announcers.get(row.platform);
    if (!announcer) return outbox.release(row.id, at());

    const result = await this.call(announcer, row, announcement.reply);
    if (result.ok) {
      const sentAt = this.now();
      outbox.markSent(row.id, result.messageId, sentAt.toISOString());
      subscriptions.clearFailures(row.platform, row.channelId);
      for (const listener of this.sentListeners) listener({ platform: row.platform, detectedAt: announcement.createdAt, sentAt });
      tally.sent++;
      return;
    }
    if (result.retry === "transient" && row.attempts < this.options.maxAttempts) {
      const backoff = Math.min(this.options.maxBackoffMs, this.options.backoffMs * 2 ** (row.attempts - 1));
      const wait = Math.max(backoff, result.retryAfterMs ?? 0);
      outbox.markRetry(row.id, new Date(this.now().getTime() + wait).toISOString(), result.reason, at(), "transient");
      this.log.warn({ key: row.key, platform: row.platform, channel: row.channelId, attempt: row.attempts, retryInMs: wait, reason: result.reason }, "delivery failed; will retry");
      tally.retried++;
      return;
    }
    const reason = result.retry === "transient" ? `gave up after ${row.attempts} attempts: ${result.reason}` : result.reason;
    outbox.markFailed(row.id, reason, at());
    tally.failed++;
    this.log.error({ key: row.key, platform: row.platform, channel: row.channelId, reason }, "delivery failed for good");
    if (result.retry === "permanent" && subscription?.status === "active") {
      const failures = subscriptions.addPermanentFailure(row.platform, row.channelId);
      if (failures >= this.options.pauseAfter) {
        subscriptions.setStatus(subscription.id, "paused", `${failures} deliveries in a row failed: ${result.reason}`, at());
        this.log.warn({ platform: row.platform, channel: row.channelId, reason: result.reason }, "subscription paused after repeated failures");
      }
    }
  }

  /** A channel post, or the delivery's other kind (a DM) through the announcer's capability for it. */
  private send(announcer: Announcer, row: OutboxRow, reply: Parameters<Announcer["announce"]>[1], attempt: DeliveryAttempt): Promise<DeliveryResult> {
    const target = this.store.deliveryTargets.get(row.id);
    if (!target) return announcer.announce(row.channelId, reply, row.key, attempt);
    if (target.kind === "dm") {
      if (!announcer.direct) return Promise.resolve({ ok: false, retry: "permanent", reason: `${row.platform} cannot send direct messages` });
      return announcer.direct(row.channelId, reply, row.key, attempt);
    }
    if (target.kind === "thread") {
      const parent = this.store.deliveryTargets.parentOf(target.parentKey);
      if (parent.state === "failed") return Promise.resolve({ ok: false, retry: "permanent", reason: `the thread's first message was not delivered: ${parent.reason}` });
      if (parent.state === "waiting") return Promise.resolve({ ok: false, retry: "transient", reason: "the thread's first message is not posted yet" });
      if (!announcer.postInThread) return announcer.announce(row.channelId, reply, row.key, attempt);
      return announcer.postInThread(row.channelId, parent.messageId, target.name, reply, row.key, attempt);
    }
    return Promise.resolve({ ok: false, retry: "permanent", reason: `${row.platform} cannot deliver a ${target.kind} yet` });
  }

  private async call(announcer: Announcer, row: OutboxRow, reply: Parameters<Announcer["announce"]>[1]): Promise<DeliveryResult> {
    let timer: NodeJS.Timeout | undefined;
    try {
      const timeout = new Promise<typeof TIMED_OUT>((resolve) => {
        timer = setTimeout(() => resolve(TIMED_OUT), this.options.callTimeoutMs);
      });
      const attempt = { number: row.attempts, queuedAt: row.createdAt };
      const result = await Promise.race([this.send(announcer, row, reply, attempt), timeout]);
      if (result === TIMED_OUT) return { ok: false, retry: "transient", reason: `no answer from ${row.platform} within ${this.options.callTimeoutMs} ms` };
      return result;
    } catch (error) {
      // An adapter should return a DeliveryResult; a throw is treated as transient and logged.
      this.log.error({ err: error, key: row.key }, "announcer threw");
      return { ok: false, retry: "transient", reason: error instanceof Error ? error.message : String(error) };
    } finally {
      clearTimeout(timer);
    }
  }
}
