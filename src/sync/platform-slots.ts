import type { DeliveryLimits } from "../ports.js";
import { CallPacer } from "./call-pacer.js";

export interface SlotOptions {
  /** Calls in flight when the announcer declares no limits. */
  concurrency: number;
  /** Upper bound for every platform (1: one row at a time). */
  concurrencyCap: number;
  /** How long a platform's lone first call may run before the others go anyway. */
  probeMs: number;
}

/**
 * How many deliveries each platform may start now: its concurrency less the
 * calls in flight, its rate of call starts (a token bucket, when it declares
 * one), and one call at a time until its credentials are proven (at start and
 * after a credentials hold), so a refused token costs one call; a first call
 * with no answer within probeMs opens the platform anyway.
 */
export class PlatformSlots {
  private readonly pacers = new Map<string, CallPacer>();
  /** Unproven platforms with their lone first call in flight, since when. */
  private readonly probing = new Map<string, number>();
  /** Platforms that confirmed a delivery (or refused one for its channel) since start or their last credentials hold. */
  private readonly proven = new Set<string>();

  constructor(
    private readonly limitsOf: (platform: string) => DeliveryLimits | undefined,
    private readonly options: SlotOptions,
  ) {}

  /** Calls the platform may start now, with `busy` in flight. */
  free(platform: string, busy: number, now: number): number {
    const paced = this.pacer(platform)?.available() ?? Infinity;
    return Math.min(this.concurrency(platform, now) - busy, paced);
  }

  /** `calls` started now (they take their tokens; the first of an unproven platform is its probe). */
  started(platform: string, calls: number, now: number): void {
    this.pacer(platform)?.take(calls);
    if (calls > 0 && !this.proven.has(platform) && !this.probing.has(platform)) this.probing.set(platform, now);
  }

  /** A call ended: an unproven platform's next call is a probe again. */
  finished(platform: string): void {
    if (!this.proven.has(platform)) this.probing.delete(platform);
  }

  /** The platform took or refused a delivery on its merits: its credentials work. */
  prove(platform: string): void {
    this.proven.add(platform);
  }

  /** The platform refused the credentials: one call at a time again once the hold ends. */
  unprove(platform: string): void {
    this.proven.delete(platform);
  }

  /** Milliseconds until every paced platform may start a call again (0 when all may now). */
  pacingMs(): number {
    return Math.max(0, ...[...this.pacers.values()].map((p) => p.waitMs()));
  }

  /** When the probes in flight stop holding their platforms. */
  probeEnds(): number[] {
    return [...this.probing.values()].map((since) => since + this.options.probeMs);
  }

  private concurrency(platform: string, now: number): number {
    const probe = this.probing.get(platform);
    if (!this.proven.has(platform) && (probe === undefined || now - probe < this.options.probeMs)) return 1;
    const declared = this.limitsOf(platform)?.concurrency ?? this.options.concurrency;
    return Math.max(1, Math.min(declared, this.options.concurrencyCap));
  }

  private pacer(platform: string): CallPacer | undefined {
    const perSecond = this.limitsOf(platform)?.perSecond;
    if (perSecond === undefined) return undefined;
    let pacer = this.pacers.get(platform);
    // Bursts of a tenth of a second's worth: at full rate the platform's own window never sees more than it allows.
    if (!pacer) this.pacers.set(platform, (pacer = new CallPacer(perSecond, Math.max(1, Math.floor(perSecond / 10)))));
    return pacer;
  }
}
