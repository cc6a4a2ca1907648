/**
 * A platform's per-channel limit (Slack: about one chat.postMessage per second
 * per channel): a channel's next call starts no sooner than one gap after its
 * previous call was answered, so the platform never sees two of a channel's
 * calls closer than the gap, whatever the network took. A channel at rest holds
 * only itself. On the wall clock (performance.now), as the platform's limit is.
 */
export class ChannelPacer {
  /** platform -> channel -> when the channel may start its next call. */
  private readonly restingUntil = new Map<string, Map<string, number>>();

  constructor(private readonly gapMsOf: (platform: string) => number | undefined) {}

  /** A call to the channel was answered (delivered or not). */
  finished(platform: string, channel: string): void {
    const gap = this.gapMsOf(platform);
    if (!gap) return;
    let channels = this.restingUntil.get(platform);
    if (!channels) this.restingUntil.set(platform, (channels = new Map()));
    channels.set(channel, performance.now() + gap);
  }

  /** The platform's channels that may not start a call yet. */
  resting(platform: string): string[] {
    const channels = this.restingUntil.get(platform);
    if (!channels) return [];
    const now = performance.now();
    const resting: string[] = [];
    for (const [channel, until] of channels) {
      if (until > now) resting.push(channel);
      else channels.delete(channel);
    }
    return resting;
  }

  /** Milliseconds until the first resting channel may start again (0 when none rests). */
  nextWakeMs(): number {
    const now = performance.now();
    let next = Infinity;
    for (const channels of this.restingUntil.values()) for (const until of channels.values()) if (until > now) next = Math.min(next, until);
    return next === Infinity ? 0 : next - now;
  }
}
