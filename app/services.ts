import { createRegistry } from "../src/commands/all.js";
import type { Config } from "../src/config.js";
import type { Logger } from "../src/log.js";
import { EventBus } from "../src/papers/events.js";
import { readListFile } from "../src/papers/index.js";
import { ReadingService } from "../src/reading/reading-service.js";
import { SessionCalendar } from "../src/reading/session-calendar.js";
import { announcePublished } from "../src/sync/announce-published.js";
import { createSources } from "../src/scholar/create-sources.js";
import { ScholarService } from "../src/scholar/scholar-service.js";
import { loadBundledRecords } from "../src/scholar/bundled-records.js";
import { Catalog } from "../src/search/catalog.js";
import type { Services } from "../src/services.js";
import { wakeOnQueued } from "../src/posting/posting.js";
import { openStore } from "../src/store/store.js";
import { Deliverer } from "../src/sync/deliverer.js";
import { sourceId } from "../src/sync/source-id.js";
import { listReaderFor } from "../src/sync/list-reader.js";
import { loadLastGoodList, SyncService } from "../src/sync/sync-service.js";
import { mergeRecords } from "../src/scholar/merge-records.js";
import { followWatches } from "../src/watches/follow-watches.js";

/**
 * Builds the services every command and job uses. The catalog starts from the
 * last good snapshot of the configured source, else from the configured file
 * or the bundled list, so lookups work before the first sync finishes.
 */
export async function buildServices(config: Config, log: Logger, now: () => Date = () => new Date()): Promise<Services> {
  const store = openStore(config.dbPath);
  // Only when no good snapshot is stored is the configured file (or the bundled list) read at start-up.
  const fallbackPath = config.upstream.kind === "url" ? config.bundledListPath : config.upstream.path;
  const start = (await loadLastGoodList(store, sourceId(config.upstream), log, listReaderFor(config.upstream))) ?? (await readListFile(fallbackPath));
  const snapshot = loadBundledRecords(config.recordSnapshotPath, log);
  // The index is built once at start-up, with what is stored and bundled: the console shows records with no network.
  const catalog = new Catalog(start.list, start.hash, now(), mergeRecords(snapshot, store.scholar.all(), store.scholar.pinnedToNone()));
  const deliverer = new Deliverer(store, log, now);
  // Whatever a feature posts (src/posting/) wakes the deliverer.
  wakeOnQueued(store, () => void deliverer.deliverDue());
  // Features meet through events, wired here once: sync publishes "papers-changed", the scholar "record-resolved" and "record-published".
  const events = new EventBus();
  const sync = new SyncService({
    store,
    catalog,
    log,
    now,
    upstream: config.upstream,
    announceChanges: config.announceChanges,
    maxAnnounce: config.maxAnnounce,
    events,
  });
  const reading = new ReadingService({ store, catalog, calendar: new SessionCalendar(config.readingCron, config.timeZone), syncSource: sync.source, log, options: config.reading });
  followWatches({ store, catalog, deliveries: deliverer, events, log, now });
  events.on("record-published", ({ paper, record, before, at }) => {
    const queued = announcePublished(store, sync.source, catalog.list, paper, record, before, config.maxAnnounce, at);
    return queued.deliveries + queued.digests;
  });
  const scholar = new ScholarService({
    store,
    catalog,
    log,
    now,
    sources: createSources(config.scholar),
    snapshot,
    events,
  });
  scholar.followSync(sync);
  return { catalog, commands: createRegistry(), log, now, timeZone: config.timeZone, store, sync, deliverer, reading, scholar };
}
