import type { Logger } from "../log.js";
import type { OutboxRow } from "../store/outbox-repo.js";

/** What one delivery run did. */
export interface DeliveryTally {
  sent: number;
  retried: number;
  failed: number;
}

/** Told about every confirmed delivery: the announcement's detection time and the confirmation time. */
export type SentListener = (event: { platform: string; detectedAt: string; sentAt: Date }) => void;

/** Told about a row failed for good: `refused` when the platform refused it (not when the deliverer gave up retrying). */
export type FailedListener = (event: { row: OutboxRow; reason: string; refused: boolean }) => void;

/** Who the deliverer tells about outcomes (metrics, watches); a listener that throws is logged and never stops a delivery. */
export class DeliveryListeners {
  private readonly sent: SentListener[] = [];
  private readonly failed: FailedListener[] = [];

  constructor(private readonly log: Logger) {}

  onSent(listener: SentListener): void {
    this.sent.push(listener);
  }

  onFailed(listener: FailedListener): void {
    this.failed.push(listener);
  }

  tellSent(event: Parameters<SentListener>[0], key: string): void {
    for (const listener of this.sent) this.call(() => listener(event), key, "a delivery listener failed");
  }

  tellFailed(event: Parameters<FailedListener>[0]): void {
    for (const listener of this.failed) this.call(() => listener(event), event.row.key, "a delivery failure listener failed");
  }

  private call(run: () => void, key: string, message: string): void {
    try {
      run();
    } catch (error) {
      this.log.error({ err: error, key }, message);
    }
  }
}
