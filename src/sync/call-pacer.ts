/**
 * A platform's request rate as a token bucket: up to `burst` calls at once,
 * refilled at `perSecond`. It runs on the wall clock (performance.now), as the
 * platform's limit does, whatever clock the deliverer is given.
 */
export class CallPacer {
  private tokens: number;
  private at = performance.now();

  constructor(
    private readonly perSecond: number,
    private readonly burst: number = perSecond,
  ) {
    this.tokens = burst;
  }

  /** Whole calls that may start now. */
  available(): number {
    this.refill();
    return Math.floor(this.tokens);
  }

  take(calls: number): void {
    this.refill();
    this.tokens -= calls;
  }

  /** Milliseconds until the next call may start (0 when one may now). */
  waitMs(): number {
    this.refill();
    return this.tokens >= 1 ? 0 : ((1 - this.tokens) * 1000) / this.perSecond;
  }

  private refill(): void {
    const now = performance.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.at) * this.perSecond) / 1000);
    this.at = now;
  }
}
