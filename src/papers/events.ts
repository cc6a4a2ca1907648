import type { ListId, Paper, PaperList } from "./index.js";
import type { PaperRecord, PaperRecords } from "./record.js";

/**
 * What features tell each other, through one bus wired once at start-up
 * (app/services.ts): a feature publishes, others subscribe, and no feature
 * imports another. Listeners run at once, inside the publisher's transaction,
 * so what they queue lands with the news or not at all.
 */
export interface PaperEvents {
  /** A sync stored a new version of one followed list (`listId`): the papers (as the merged lists hold them, `list` the merge) added, changed (with news worth announcing) and removed since the last one (`records` as known now). */
  "papers-changed": { listId: ListId; source: string; list: PaperList; added: readonly Paper[]; changed: readonly Paper[]; removed: readonly Paper[]; records: PaperRecords; at: string };
  /** The scholar resolved a paper's record; `before` is the record it had (if any). */
  "record-resolved": { paper: Paper; record: PaperRecord; before: PaperRecord | undefined; at: string };
  /** A refresh found that a preprint was published at a venue (`before`: its preprint record). */
  "record-published": { paper: Paper; record: PaperRecord; before: PaperRecord; at: string };
}

/** A listener returns how many deliveries it queued (the publisher reports the sum), or nothing. */
export type Listener<T> = (event: T) => number | void;

/** A small typed publish/subscribe bus. */
export class EventBus<E extends object = PaperEvents> {
  private readonly listeners = new Map<keyof E, Array<Listener<never>>>();

  on<K extends keyof E>(name: K, listener: Listener<E[K]>): void {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener as Listener<never>]);
  }

  /** Tells every listener, in the order they subscribed; returns the deliveries they queued. */
  publish<K extends keyof E>(name: K, event: E[K]): number {
    let queued = 0;
    for (const listener of this.listeners.get(name) ?? []) queued += (listener as Listener<E[K]>)(event) ?? 0;
    return queued;
  }
}
