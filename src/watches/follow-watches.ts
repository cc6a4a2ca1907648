import type { Logger } from "../log.js";
import type { Paper } from "../papers/index.js";
import type { Catalog } from "../search/catalog.js";
import type { Store } from "../store/store.js";
import type { Deliverer } from "../sync/deliverer.js";
import { queueWatchHits } from "./queue-watch-hits.js";
import type { PaperRecord } from "../papers/record.js";

export interface WatchDeps {
  store: Store;
  catalog: Catalog;
  deliverer: Deliverer;
  log: Logger;
  now: () => Date;
}

/**
 * Ties watches to the deliverer: a DM the platform refuses (the user blocked
 * the bot or left) fails that watch alone. Returns what the scholar service
 * calls when a paper's record resolves: the watches it now matches are queued.
 */
export function followWatches(deps: WatchDeps): { onResolved: (paper: Paper, record: PaperRecord) => void } {
  const { store, catalog, deliverer, log, now } = deps;
  deliverer.onFailed(({ row, reason, refused }) => {
    if (!refused) return;
    const watch = store.watches.failByKey(row.key, reason, now().toISOString());
    if (watch) log.warn({ watch: watch.id, platform: watch.platform, user: watch.userId, reason }, "a watch's direct message was refused; the watch is marked failed");
  });
  return {
    onResolved(paper, record) {
      const records = new Map([[paper.id, { ...catalog.records.get(paper.id), ...record }]]);
      const queued = store.transaction(() => queueWatchHits(store, [paper], catalog.list, records, "resolved", now().toISOString()));
      if (queued > 0) void deliverer.deliverDue();
    },
  };
}
