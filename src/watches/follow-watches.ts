import type { Logger } from "../log.js";
import type { EventBus } from "../papers/events.js";
import type { Catalog } from "../search/catalog.js";
import type { Store } from "../store/store.js";
import { queueWatchHits } from "./queue-watch-hits.js";

export interface WatchDeps {
  store: Store;
  catalog: Catalog;
  /** Where the deliverer tells of rows failed for good. */
  deliveries: { onFailed(listener: (failure: { row: { key: string }; reason: string; refused: boolean }) => void): void };
  events: EventBus;
  log: Logger;
  now: () => Date;
}

/**
 * Ties watches to the rest of the bot: papers a sync added, and papers whose
 * record resolved later, are matched against the watches (their DMs queued in
 * the publisher's transaction); a DM the platform refuses (the user blocked
 * the bot or left) fails that watch alone.
 */
export function followWatches(deps: WatchDeps): void {
  const { store, catalog, deliveries, events, log, now } = deps;
  deliveries.onFailed(({ row, reason, refused }) => {
    if (!refused) return;
    const watch = store.watches.failByKey(row.key, reason, now().toISOString());
    if (watch) log.warn({ watch: watch.id, platform: watch.platform, user: watch.userId, reason }, "a watch's direct message was refused; the watch is marked failed");
  });
  // With several lists followed, a DM names the list the paper came from (one list: "MSS-Papers", as before).
  const listName = (id: string | undefined) => (catalog.listIds.length > 1 && id !== undefined ? id : "MSS-Papers");
  events.on("papers-changed", ({ listId, added, list, records, at }) => queueWatchHits(store, added, list, records, "added", at, listName(listId), catalog.listIds.length > 1));
  events.on("record-resolved", ({ paper, record }) => {
    const records = new Map([[paper.id, { ...catalog.records.get(paper.id), ...record }]]);
    return store.transaction(() => queueWatchHits(store, [paper], catalog.list, records, "resolved", now().toISOString(), listName(paper.lists?.[0]), catalog.listIds.length > 1));
  });
}
