import type { Logger } from "../log.js";
import type { Announcer, DeliveryResult } from "../ports.js";
import type { OutboxRow } from "../store/outbox-repo.js";
import type { Store } from "../store/store.js";
import { CallPacer } from "./call-pacer.js";
import { CredentialHolds, type PlatformHold } from "./credential-holds.js";
import { sendToTarget } from "./send-to-target.js";

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
  /** Rows claimed by one statement at most (a run refills free slots until nothing is due). */
  batch: number;
  /** Calls in flight per platform when its announcer declares no limits. */
  concurrency: number;
  /** Upper bound on every platform's calls in flight; 1 delivers one row at a time across all channels. */
  concurrencyCap: number;
  /** A platform's first call goes alone (a refused token costs one call); past this long without an answer the others go too. */
  probeMs: number;
  /** First wait after a platform refused the bot's credentials; doubles per refusal up to maxBackoffMs. */
  credentialsBackoffMs: number;
  /** Wait before the next run after a run failed on the store (locked, full, ...). */
  faultRetryMs: number;
}

export const DEFAULT_DELIVERER_OPTIONS: DelivererOptions = {
  leaseMs: 120_000,
  backoffMs: 30_000,
  maxBackoffMs: 3_600_000,
  maxAttempts: 30,
  pauseAfter: 3,
  callTimeoutMs: 60_000,
  batch: 50,
  concurrency: 8,
  concurrencyCap: Number.POSITIVE_INFINITY,
  probeMs: 2_000,
  credentialsBackoffMs: 300_000,
  faultRetryMs: 30_000,
};

export interface DeliveryTally {
  sent: number;
  retried: number;
  failed: number;
}

const TIMED_OUT = Symbol("timed out");

/** Told about every confirmed delivery: the announcement's detection time and the confirmation time. */
export type SentListener = (event: { platform: string; detectedAt: string; sentAt: Date }) => void;

/** Told about a row failed for good: `refused` when the platform refused it (not when the deliverer gave up retrying). */
export type FailedListener = (event: { row: OutboxRow; reason: string; refused: boolean }) => void;

/**
 * Delivers the outbox through the adapters' Announcer ports, oldest first. A
 * row is marked sent only after the platform confirmed; transient failures are
 * retried with exponential backoff (honouring Retry-After); permanent ones fail
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
  private readonly sentListeners: SentListener[] = [];
  private readonly failedListeners: FailedListener[] = [];
  /** Per platform: credentials refused, deliveries held until `until` (then one row tries again). */
  private readonly holds: CredentialHolds;
  /** Rows the platform confirmed whose "sent" could not be recorded yet (the store failed): recorded, never posted again. */
  private readonly unrecorded = new Map<number, { row: OutboxRow; messageId: string; sentAt: Date; detectedAt: string }>();
  /** After a failed run: no run before this time. */
  private faultUntil = 0;
  private readonly pacers = new Map<string, CallPacer>();
  /** Unproven platforms with their lone first call in flight, since when. */
  private readonly probing = new Map<string, number>();
  /** Platforms that confirmed a delivery (or refused one for its channel) since start or their last credentials hold. */
  private readonly proven = new Set<string>();
  /** Wakes a run waiting for its calls in flight, to claim rows queued meanwhile. */
  private poke: (() => void) | undefined;

  constructor(
    private readonly store: Store,
    private readonly log: Logger,
    private readonly now: () => Date = () => new Date(),
    options: Partial<DelivererOptions> = {},
  ) {
    this.options = { ...DEFAULT_DELIVERER_OPTIONS, ...options };
    this.holds = new CredentialHolds(log, this.options.credentialsBackoffMs, this.options.maxBackoffMs);
  }

  register(announcer: Announcer): void {
    this.announcers.set(announcer.platform, announcer);
  }

  onSent(listener: SentListener): void {
    this.sentListeners.push(listener);
  }

  /** Told about every row failed for good (a refused DM fails its watch). */
  onFailed(listener: FailedListener): void {
    this.failedListeners.push(listener);
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
        const { rows, spare } = this.claimFree(inFlight);
        for (const row of rows) {
          const done = this.deliverOne(row, tally)
            .catch((error: unknown) => this.storeFault(error, row))
            .finally(() => {
              inFlight.delete(row.id);
              if (!this.proven.has(row.platform)) this.probing.delete(row.platform);
            });
          inFlight.set(row.id, { platform: row.platform, done });
        }
        if (inFlight.size === 0 && !this.waitingForPace()) break;
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

  /** How many calls a platform may have in flight: what its announcer declares (default otherwise), within the cap. */
  private concurrencyOf(platform: string, now: number): number {
    // Until a delivery went through (at start, after a credentials hold), one call at a time: a refused token costs one call, not a
    // slot's worth. A first call that takes longer than probeMs opens the platform anyway: a slow channel must not hold the rest.
    const probe = this.probing.get(platform);
    if (!this.proven.has(platform) && (probe === undefined || now - probe < this.options.probeMs)) return 1;
    const declared = this.announcers.get(platform)?.limits?.concurrency ?? this.options.concurrency;
    return Math.max(1, Math.min(declared, this.options.concurrencyCap));
  }

  /** The platform's rate of call starts, when its announcer declares one. */
  private pacerOf(platform: string): CallPacer | undefined {
    const perSecond = this.announcers.get(platform)?.limits?.perSecond;
    if (perSecond === undefined) return undefined;
    let pacer = this.pacers.get(platform);
    // Bursts of a tenth of a second's worth: at full rate the platform's own window never sees more than it allows.
    if (!pacer) this.pacers.set(platform, (pacer = new CallPacer(perSecond, Math.max(1, Math.floor(perSecond / 10)))));
    return pacer;
  }

  /** Rows are due but a platform's rate holds them (a short wait, not the end of the run). */
  private waitingForPace(): boolean {
    if (this.pacingMs() === 0) return false;
    const due = this.store.outbox.nextDue(this.openPlatforms(this.now().getTime()));
    return due !== undefined && Date.parse(due) <= this.now().getTime();
  }

  /** How long until every paced platform may start a call again (0 when all may now). */
  private pacingMs(): number {
    return Math.max(0, ...[...this.pacers.values()].map((p) => p.waitMs()));
  }

  /** Claims due rows into the free slots of each open platform (one statement per platform with room). */
  private claimFree(inFlight: Map<number, { platform: string }>): { rows: OutboxRow[]; spare: boolean } {
    const now = this.now();
    const lease = new Date(now.getTime() + this.options.leaseMs).toISOString();
    const claimed: OutboxRow[] = [];
    let spare = false;
    for (const platform of this.openPlatforms(now.getTime())) {
      let busy = 0;
      for (const f of inFlight.values()) if (f.platform === platform) busy++;
      const pacer = this.pacerOf(platform);
      const free = Math.min(this.concurrencyOf(platform, now.getTime()) - busy, this.options.batch, pacer?.available() ?? Infinity);
      if (free <= 0) continue;
      const rows = this.store.outbox.claimDue(now.toISOString(), lease, [platform], free, [...inFlight.keys()]);
      pacer?.take(rows.length);
      if (rows.length < free) spare = true;
      if (rows.length > 0 && !this.proven.has(platform) && !this.probing.has(platform)) this.probing.set(platform, now.getTime());
      claimed.push(...rows);
    }
    return { rows: claimed, spare };
  }

  /**
   * Waits for a call to finish, a deliverDue() (new rows), a paced platform's
   * next start, or (when slots were left unused: `spare`) the next row to fall
   * due, whichever comes first.
   */
  private async nextEvent(inFlight: Map<number, { done: Promise<void> }>, spare: boolean): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const events: Promise<unknown>[] = [...inFlight.values()].map((f) => f.done);
    events.push(new Promise<void>((resolve) => (this.poke = resolve)));
    const now = this.now().getTime();
    const times = [...this.probing.values()].map((since) => since + this.options.probeMs);
    const pacing = this.pacingMs();
    if (pacing > 0) times.push(now + pacing);
    else if (spare) {
      const due = this.store.outbox.nextDue(this.openPlatforms(now));
      if (due !== undefined) times.push(Date.parse(due));
    }
    const wait = Math.min(...times.filter((t) => t > now)) - now;
    if (wait < this.maxSleepMs) events.push(new Promise<void>((resolve) => (timer = setTimeout(resolve, wait))));
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
    this.proven.add(row.platform);
    this.store.subscriptions.clearFailures(row.platform, row.channelId);
    tally.sent++;
    for (const listener of this.sentListeners) {
      try {
        listener({ platform: row.platform, detectedAt, sentAt });
      } catch (error) {
        this.log.error({ err: error, key: row.key }, "a delivery listener failed");
      }
    }
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

    const unrecorded = this.unrecorded.get(row.id);
    const result = unrecorded ? { ok: true as const, messageId: unrecorded.messageId } : await this.call(announcer, row, announcement.reply);
    if (result.ok) return this.recordSent(row, result.messageId, unrecorded?.sentAt ?? this.now(), announcement.createdAt, tally);
    if (result.retry === "credentials") return this.holdPlatform(row, result.reason, tally);
    if (result.retry === "transient" && row.attempts < this.options.maxAttempts) {
      const backoff = Math.min(this.options.maxBackoffMs, this.options.backoffMs * 2 ** (row.attempts - 1));
      const wait = Math.max(backoff, result.retryAfterMs ?? 0);
      outbox.markRetry(row.id, new Date(this.now().getTime() + wait).toISOString(), result.reason, at(), "transient");
      this.log.warn({ key: row.key, platform: row.platform, channel: row.channelId, attempt: row.attempts, retryInMs: wait, reason: result.reason }, "delivery failed; will retry");
      tally.retried++;
      return;
    }
    const reason = result.retry === "transient" ? `gave up after ${row.attempts} attempts: ${result.reason}` : result.reason;
    // A refusal for this channel means the credentials themselves were accepted.
    if (result.retry === "permanent") {
      this.holds.lift(row.platform);
      this.proven.add(row.platform);
    }
    outbox.markFailed(row.id, reason, at(), result.retry === "permanent");
    tally.failed++;
    this.log.error({ key: row.key, platform: row.platform, channel: row.channelId, reason }, "delivery failed for good");
    this.tellFailed({ row, reason, refused: result.retry === "permanent" });
    if (result.retry === "permanent" && subscription?.status === "active") {
      const failures = subscriptions.addPermanentFailure(row.platform, row.channelId);
      if (failures >= this.options.pauseAfter) {
        subscriptions.setStatus(subscription.id, "paused", `${failures} deliveries in a row failed: ${result.reason}`, at());
        this.log.warn({ platform: row.platform, channel: row.channelId, reason: result.reason }, "subscription paused after repeated failures");
      }
    }
  }

  private tellFailed(event: Parameters<FailedListener>[0]): void {
    for (const listener of this.failedListeners) {
      try {
        listener(event);
      } catch (error) {
        this.log.error({ err: error, key: event.row.key }, "a delivery failure listener failed");
      }
    }
  }

  /** The platform refused the bot's credentials: the row waits (its attempt given back) and so does every row of the platform. */
  private holdPlatform(row: OutboxRow, reason: string, tally: DeliveryTally): void {
    const now = this.now();
    this.store.outbox.markRetry(row.id, now.toISOString(), reason, now.toISOString(), "unavailable");
    tally.retried++;
    this.holds.hold(row.platform, reason, row.key, now);
    this.proven.delete(row.platform);
  }

  private async call(announcer: Announcer, row: OutboxRow, reply: Parameters<Announcer["announce"]>[1]): Promise<DeliveryResult> {
    let timer: NodeJS.Timeout | undefined;
    try {
      const timeout = new Promise<typeof TIMED_OUT>((resolve) => {
        timer = setTimeout(() => resolve(TIMED_OUT), this.options.callTimeoutMs);
      });
      const attempt = { number: row.attempts, queuedAt: row.createdAt };
      const result = await Promise.race([sendToTarget(this.store, announcer, row, reply, attempt), timeout]);
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
