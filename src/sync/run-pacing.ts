import type { OutboxRow } from "../store/outbox-repo.js";
import type { Store } from "../store/store.js";
import type { ChannelPacer } from "./channel-pacer.js";
import type { DelivererOptions } from "./deliverer-options.js";
import type { PlatformSlots } from "./platform-slots.js";

export interface RunPacingDeps {
  store: Store;
  options: DelivererOptions;
  now: () => Date;
  slots: PlatformSlots;
  channels: ChannelPacer;
  /** Registered platforms whose deliveries are not held for refused credentials. */
  openPlatforms: (now: number) => string[];
}

/**
 * What a delivery run claims next and how long it may wait before looking
 * again: each platform's free slots (concurrency, rate, credentials probe),
 * each resting channel left out, and the next moment a pace ends or a row falls due.
 */
export class RunPacing {
  constructor(private readonly d: RunPacingDeps) {}

  /** A platform's rate or a channel's rest holds calls back now. */
  paced(): boolean {
    return this.d.slots.pacingMs() > 0 || this.d.channels.nextWakeMs() > 0;
  }

  /**
   * Rows are due but a platform's rate or a channel's rest held them (a short
   * wait, not the end of the run). A pace that held the claim counts even when
   * it ended since: its rows are due now and the next claim takes them.
   */
  waitingForPace(pacedAtClaim: boolean): boolean {
    if (!pacedAtClaim && !this.paced()) return false;
    const now = this.d.now().getTime();
    const due = this.d.store.outbox.nextDue(this.d.openPlatforms(now));
    return due !== undefined && Date.parse(due) <= now;
  }

  /** Claims due rows into the free slots of each open platform (one statement per platform with room). */
  claimFree(inFlight: ReadonlyMap<number, { platform: string }>): { rows: OutboxRow[]; spare: boolean } {
    const now = this.d.now();
    const lease = new Date(now.getTime() + this.d.options.leaseMs).toISOString();
    const claimed: OutboxRow[] = [];
    let spare = false;
    for (const platform of this.d.openPlatforms(now.getTime())) {
      let busy = 0;
      for (const f of inFlight.values()) if (f.platform === platform) busy++;
      const free = Math.min(this.d.slots.free(platform, busy, now.getTime()), this.d.options.batch);
      if (free <= 0) continue;
      const rows = this.d.store.outbox.claimDue(now.toISOString(), lease, [platform], free, [...inFlight.keys()], this.d.channels.resting(platform));
      this.d.slots.started(platform, rows.length, now.getTime());
      if (rows.length < free) spare = true;
      claimed.push(...rows);
    }
    return { rows: claimed, spare };
  }

  /**
   * How long the run may wait for its calls in flight before looking again: until a
   * probe or a pace ends, or (when slots were left unused: `spare`) the next row falls
   * due; Infinity when nothing comes sooner than `maxSleepMs`.
   */
  waitMs(callsInFlight: number, spare: boolean, maxSleepMs: number): number {
    const now = this.d.now().getTime();
    const times = this.d.slots.probeEnds();
    const pacing = this.d.slots.pacingMs();
    const channelRest = this.d.channels.nextWakeMs();
    if (channelRest > 0) times.push(now + channelRest);
    if (pacing > 0) times.push(now + pacing);
    else if (spare) {
      const due = this.d.store.outbox.nextDue(this.d.openPlatforms(now));
      if (due !== undefined) times.push(Date.parse(due));
    }
    const next = Math.min(...times.filter((t) => t > now)) - now;
    // Nothing in flight and the pace that kept the run going ended meanwhile: look again at once instead of waiting for a poke.
    const wait = callsInFlight === 0 && !(next < maxSleepMs) ? 0 : next;
    return wait < maxSleepMs ? wait : Infinity;
  }
}
