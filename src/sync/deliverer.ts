import type { Logger } from "../log.js";
import type { Announcer, DeliveryResult } from "../ports.js";
import type { Reply } from "../replies/reply.js";
import type { OutboxRow } from "../store/outbox-repo.js";
import type { Store } from "../store/store.js";
import { ChannelPacer } from "./channel-pacer.js";
import { CredentialHolds, type PlatformHold } from "./credential-holds.js";
import { DEFAULT_DELIVERER_OPTIONS, type DelivererOptions } from "./deliverer-options.js";
import { DeliveryListeners, type DeliveryTally, type FailedListener, type SentListener } from "./delivery-listeners.js";
import { failForGood, retryLater } from "./delivery-outcomes.js";
import { PlatformSlots } from "./platform-slots.js";
import { readyToSend } from "./row-readiness.js";
import { RunPacing } from "./run-pacing.js";
import { sendWithin } from "./send-to-target.js";

export { DEFAULT_DELIVERER_OPTIONS, type DelivererOptions, type DeliveryTally, type FailedListener, type SentListener };

/**
 * Delivers the outbox through the adapters' Announcer ports, oldest first. A
 * row is marked sent only after the platform confirmed; transient failures are
 * retried after the platform's own wait (Retry-After) or, when it named none,
 * a jittered exponential backoff from about a second; permanent ones fail
 * the row with the reason and, repeated, pause the channel's subscription;
 * refused credentials hold every row of that platform until they work again.
 * A run never throws: a store error (locked, full) is logged with the row's key
 * and the run is tried again later, the row staying claimed until its lease ends.
 */
export class Deliverer {
  private readonly announcers = new Map<string, Announcer>();
  private readonly options: DelivererOptions;
  private running: Promise<DeliveryTally> | undefined;
  private again = false;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  /** Until start(), a deliverDue() alone (a test, the CLI) arms no timer that would run again behind its back. */
  private started = false;
  private maxSleepMs = 60_000;
  private readonly listeners: DeliveryListeners;
  /** Per platform: credentials refused, deliveries held until `until` (then one row tries again). */
  private readonly holds: CredentialHolds;
  /** Rows the platform confirmed whose "sent" could not be recorded yet (the store failed): recorded, never posted again. */
  private readonly unrecorded = new Map<number, { row: OutboxRow; messageId: string; sentAt: Date; detectedAt: string }>();
  /** After a failed run: no run before this time. */
  private faultUntil = 0;
  /** Per platform: how many deliveries may start now (concurrency, rate, credentials probe). */
  private readonly slots: PlatformSlots;
  /** Per channel of a platform with a per-channel limit (Slack): when its next call may start. */
  private readonly channels: ChannelPacer;
  /** What a run claims next, and how long it may wait before looking again. */
  private readonly pacing: RunPacing;
  /** Wakes a run waiting for its calls in flight, to claim rows queued meanwhile. */
  private poke: (() => void) | undefined;

  constructor(
    private readonly store: Store,
    private readonly log: Logger,
    private readonly now: () => Date = () => new Date(),
    options: Partial<DelivererOptions> = {},
  ) {
    this.options = { ...DEFAULT_DELIVERER_OPTIONS, ...options };
    this.listeners = new DeliveryListeners(log);
    this.holds = new CredentialHolds(log, this.options.credentialsBackoffMs, this.options.maxBackoffMs);
    this.slots = new PlatformSlots((platform) => this.announcers.get(platform)?.limits, this.options);
    this.channels = new ChannelPacer((platform) => {
      const rate = this.announcers.get(platform)?.limits?.perChannelPerSecond;
      return rate ? 1000 / rate : undefined;
    });
    this.pacing = new RunPacing({ store, options: this.options, now, slots: this.slots, channels: this.channels, openPlatforms: (at) => this.openPlatforms(at) });
  }

  register(announcer: Announcer): void {
    this.announcers.set(announcer.platform, announcer);
  }

  onSent(listener: SentListener): void {
    this.listeners.onSent(listener);
  }

  /** Told about every row failed for good (a refused DM fails its watch). */
  onFailed(listener: FailedListener): void {
    this.listeners.onFailed(listener);
  }

  /** Platforms whose credentials were refused, with the reason. */
  heldPlatforms(): PlatformHold[] {
    return this.holds.list();
  }

  /** Delivers everything due now; concurrent calls share one run (and ask for one more pass). */
  deliverDue(): Promise<DeliveryTally> {
    if (this.running) {
      this.again = true;
      this.poke?.();
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
    this.started = true;
    this.maxSleepMs = maxSleepMs;
    void this.deliverDue();
  }

  /** Stops the timer and waits (at most `graceMs`) for the run in flight. */
  async stop(graceMs = 10_000): Promise<void> {
    this.stopped = true;
    this.poke?.();
    if (this.timer) clearTimeout(this.timer);
    if (this.running) await Promise.race([this.running.catch(() => undefined), new Promise((r) => setTimeout(r, graceMs).unref())]);
  }

  private schedule(): void {
    if (this.stopped || !this.started) return;
    if (this.timer) clearTimeout(this.timer);
    const wait = this.again ? 0 : this.nextWakeMs();
    this.timer = setTimeout(() => void this.deliverDue(), wait);
    this.timer.unref();
    this.again = false;
  }

  private nextWakeMs(): number {
    const now = this.now().getTime();
    if (this.faultUntil > now) return Math.min(this.maxSleepMs, this.faultUntil - now);
    let next: number;
    try {
      const due = this.store.outbox.nextDue(this.openPlatforms(now));
      next = due === undefined ? Infinity : Date.parse(due);
    } catch (error) {
      this.log.error({ err: error }, "cannot read when the next delivery is due; trying again later");
      next = now + this.options.faultRetryMs;
    }
    next = Math.min(next, this.holds.nextRelease(now));
    return Math.min(this.maxSleepMs, Math.max(0, next - now));
  }

  /** Registered platforms whose deliveries are not held for refused credentials. */
  private openPlatforms(now: number): string[] {
    return [...this.announcers.keys()].filter((p) => !this.holds.holding(p, now));
  }

  /**
   * Delivers due rows concurrently across channels: each platform has up to its
   * concurrency of calls in flight, a slot freed is filled at once with the
   * next due row of any channel, so a slow or failing channel holds only its
   * own slot. A channel still gets one row at a time, in order (the claim takes
   * only the oldest open row of a channel). A crash leaves at most the calls in
   * flight claimed; they wait out their lease before another attempt.
   */
  private async drain(): Promise<DeliveryTally> {
    const tally: DeliveryTally = { sent: 0, retried: 0, failed: 0 };
    const inFlight = new Map<number, { platform: string; done: Promise<void> }>();
    let current: OutboxRow | undefined;
    try {
      if (this.faultUntil > this.now().getTime()) return tally;
      for (const posted of this.unrecorded.values()) {
        current = posted.row;
        this.recordSent(posted.row, posted.messageId, posted.sentAt, posted.detectedAt, tally);
      }
      current = undefined;
      while (!this.stopped && this.faultUntil <= this.now().getTime()) {
        const pacedAtClaim = this.pacing.paced();
        const { rows, spare } = this.pacing.claimFree(inFlight);
        for (const row of rows) {
          const done = this.deliverOne(row, tally)
            .catch((error: unknown) => this.storeFault(error, row))
            .finally(() => {
              inFlight.delete(row.id);
              this.slots.finished(row.platform);
            });
          inFlight.set(row.id, { platform: row.platform, done });
        }
        if (inFlight.size === 0 && !this.pacing.waitingForPace(pacedAtClaim)) break;
        await this.nextEvent(inFlight, spare);
      }
    } catch (error) {
      this.storeFault(error, current);
    }
    await Promise.all([...inFlight.values()].map((f) => f.done));
    return tally;
  }

  /** The store failed (locked by another process, disk full, ...): no claim before faultRetryMs; a claimed row keeps its lease and comes back after it. */
  private storeFault(error: unknown, row: OutboxRow | undefined): void {
    this.faultUntil = this.now().getTime() + this.options.faultRetryMs;
    this.log.error(
      { err: error, key: row?.key, platform: row?.platform, channel: row?.channelId, retryInMs: this.options.faultRetryMs },
      row ? "delivery run failed on the store; the row stays claimed until its lease ends and is tried again" : "delivery run failed on the store; trying again later",
    );
  }

  /**
   * Waits for a call to finish, a deliverDue() (new rows), or the end of the
   * wait the pacing allows (a paced platform's or channel's next start, the
   * next row due), whichever comes first.
   */
  private async nextEvent(inFlight: Map<number, { done: Promise<void> }>, spare: boolean): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const events: Promise<unknown>[] = [...inFlight.values()].map((f) => f.done);
    events.push(new Promise<void>((resolve) => (this.poke = resolve)));
    const wait = this.pacing.waitMs(inFlight.size, spare, this.maxSleepMs);
    if (wait !== Infinity) events.push(new Promise<void>((resolve) => (timer = setTimeout(resolve, wait))));
    try {
      await Promise.race(events);
    } finally {
      clearTimeout(timer);
      this.poke = undefined;
    }
  }

  /** Records a confirmed delivery; if the store fails, the confirmation is kept and recorded by the next run, not posted again. */
  private recordSent(row: OutboxRow, messageId: string, sentAt: Date, detectedAt: string, tally: DeliveryTally): void {
    this.unrecorded.set(row.id, { row, messageId, sentAt, detectedAt });
    this.store.outbox.markSent(row.id, messageId, sentAt.toISOString());
    this.unrecorded.delete(row.id);
    this.holds.lift(row.platform);
    this.slots.prove(row.platform);
    this.store.subscriptions.clearFailures(row.platform, row.channelId);
    tally.sent++;
    this.listeners.tellSent({ platform: row.platform, detectedAt, sentAt }, row.key);
  }

  private async deliverOne(row: OutboxRow, tally: DeliveryTally): Promise<void> {
    const { outbox } = this.store;
    const at = () => this.now().toISOString();
    const ready = readyToSend(this.store, row, this.now(), this.options.maxBackoffMs);
    if (ready === "failed") tally.failed++;
    if (typeof ready === "string") return;
    const { announcement, subscription } = ready;
    const announcer = this.announcers.get(row.platform);
    if (!announcer) return outbox.release(row.id, at());

    const unrecorded = this.unrecorded.get(row.id);
    const result = unrecorded ? { ok: true as const, messageId: unrecorded.messageId } : await this.call(announcer, row, announcement.reply);
    if (result.ok) return this.recordSent(row, result.messageId, unrecorded?.sentAt ?? this.now(), announcement.createdAt, tally);
    if (result.retry === "credentials") return this.holdPlatform(row, result.reason, tally);
    if (result.retry === "transient" && row.attempts < this.options.maxAttempts) {
      retryLater(this.store, this.log, this.options, row, result, this.now());
      tally.retried++;
      return;
    }
    const refused = result.retry === "permanent";
    const followsParent = refused && result.followsParent === true;
    // A refusal for this channel means the credentials themselves were accepted.
    if (refused && !followsParent) {
      this.holds.lift(row.platform);
      this.slots.prove(row.platform);
    }
    const reason = refused ? result.reason : `gave up after ${row.attempts} attempts: ${result.reason}`;
    failForGood(this.store, this.log, this.listeners, this.options.pauseAfter, row, subscription, { reason, refused, followsParent }, at());
    tally.failed++;
  }

  /** One call to the platform; the channel then rests for its per-channel limit. */
  private async call(announcer: Announcer, row: OutboxRow, reply: Reply): Promise<DeliveryResult> {
    try {
      return await sendWithin(this.store, announcer, row, reply, this.options.callTimeoutMs, this.log);
    } finally {
      this.channels.finished(row.platform, row.channelId);
    }
  }

  /** The platform refused the bot's credentials: the row waits (its attempt given back) and so does every row of the platform. */
  private holdPlatform(row: OutboxRow, reason: string, tally: DeliveryTally): void {
    const now = this.now();
    this.store.outbox.markRetry(row.id, now.toISOString(), reason, now.toISOString(), "unavailable");
    tally.retried++;
    this.holds.hold(row.platform, reason, row.key, now);
    this.slots.unprove(row.platform);
  }
}
