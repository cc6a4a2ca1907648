import type { Logger } from "../log.js";

/** A platform whose deliveries all wait because it refused the bot's credentials (for /readyz). */
export interface PlatformHold {
  platform: string;
  reason: string;
  since: string;
  /** When the next delivery tries the credentials again. */
  until: string;
}

/**
 * The platforms that refused the bot's credentials: each waits, from
 * `firstWaitMs` doubling per refusal up to `maxWaitMs`, and one error is logged
 * when a hold begins and one line when it ends.
 */
export class CredentialHolds {
  private readonly holds = new Map<string, PlatformHold & { waitMs: number }>();

  constructor(
    private readonly log: Logger,
    private readonly firstWaitMs: number,
    private readonly maxWaitMs: number,
  ) {}

  list(): PlatformHold[] {
    return [...this.holds.values()].map(({ platform, reason, since, until }) => ({ platform, reason, since, until }));
  }

  /** True while the platform's deliveries wait. */
  holding(platform: string, now: number): boolean {
    const hold = this.holds.get(platform);
    return hold !== undefined && Date.parse(hold.until) > now;
  }

  /** The earliest time after `now` a held platform is tried again, or Infinity. */
  nextRelease(now: number): number {
    let next = Infinity;
    for (const hold of this.holds.values()) {
      const until = Date.parse(hold.until);
      if (until > now) next = Math.min(next, until);
    }
    return next;
  }

  hold(platform: string, reason: string, key: string, now: Date): void {
    const held = this.holds.get(platform);
    const waitMs = held ? Math.min(this.maxWaitMs, held.waitMs * 2) : this.firstWaitMs;
    const until = new Date(now.getTime() + waitMs).toISOString();
    this.holds.set(platform, { platform, reason, since: held?.since ?? now.toISOString(), until, waitMs });
    if (!held) this.log.error({ platform, key, reason, retryInMs: waitMs }, `${platform} refused the bot's credentials: every ${platform} delivery waits until they work again`);
  }

  lift(platform: string): void {
    const held = this.holds.get(platform);
    if (!held) return;
    this.holds.delete(platform);
    this.log.info({ platform, since: held.since }, `${platform} accepts the bot's credentials again; its deliveries resume`);
  }
}
