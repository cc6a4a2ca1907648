/** A clock tests move by hand, so retry delays pass instantly and deterministically. */
export class TestClock {
  constructor(private ms = Date.parse("2026-11-28T12:00:00Z")) {}

  readonly now = (): Date => new Date(this.ms);

  advance(ms: number): void {
    this.ms += ms;
  }
}
