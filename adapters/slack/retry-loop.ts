export interface Backoff {
  /** Wait after the first failure. */
  initialMs: number;
  /** The wait doubles after each failure up to this. */
  maxMs: number;
}

export const DEFAULT_BACKOFF: Backoff = { initialMs: 1_000, maxMs: 60_000 };

/**
 * Runs an attempt (connect, authenticate) until it succeeds, waiting longer
 * after each failure (with ±20% jitter). One run at a time: asking again while
 * an attempt runs or a retry is scheduled changes nothing. Never rejects.
 */
export class RetryLoop {
  private running: Promise<boolean> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private failures = 0;
  private stopped = false;

  constructor(
    private readonly attempt: () => Promise<void>,
    private readonly backoff: Backoff,
    private readonly onFailure: (error: unknown, retryInMs: number, failures: number) => void,
  ) {}

  /** Starts a run unless one is under way; resolves after its first attempt with whether it succeeded. */
  run(): Promise<boolean> {
    if (this.stopped || this.timer) return Promise.resolve(false);
    this.running ??= this.tryOnce().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private async tryOnce(): Promise<boolean> {
    try {
      await this.attempt();
      this.failures = 0;
      return true;
    } catch (error) {
      if (this.stopped) return false;
      this.failures += 1;
      const base = Math.min(this.backoff.maxMs, this.backoff.initialMs * 2 ** (this.failures - 1));
      const delay = Math.round(base * (0.8 + Math.random() * 0.4));
      this.onFailure(error, delay, this.failures);
      this.timer = setTimeout(() => {
        this.timer = undefined;
        void this.run();
      }, delay);
      return false;
    }
  }
}
