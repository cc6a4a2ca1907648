import { createRegistry } from "../src/commands/all.js";
import type { Config } from "../src/config.js";
import type { Logger } from "../src/log.js";
import { EventBus } from "../src/papers/events.js";
import { readListFile, type PaperList } from "../src/papers/index.js";
import { ReadingService } from "../src/reading/reading-service.js";
import { SessionCalendar } from "../src/reading/session-calendar.js";
import { announcePublished } from "../src/sync/announce-published.js";
import { createSources } from "../src/scholar/create-sources.js";
import { ScholarService } from "../src/scholar/scholar-service.js";
import { loadBundledRecords } from "../src/scholar/bundled-records.js";
import { Catalog, type ListVersion } from "../src/search/catalog.js";
import { DEFAULT_LIST_ID } from "../src/papers/model.js";
import { ListSyncs } from "../src/sync/list-syncs.js";
import { ONE_LIST_NAME } from "../src/sync/plan-announcements.js";
import type { Services } from "../src/services.js";
import { wakeOnQueued } from "../src/posting/posting.js";
import { openStore } from "../src/store/store.js";
import { Deliverer } from "../src/sync/deliverer.js";
import { sourceId } from "../src/sync/source-id.js";
import { listReaderFor } from "../src/sync/list-reader.js";
import { loadLastGoodList } from "../src/sync/sync-service.js";
import { mergeRecords } from "../src/scholar/merge-records.js";
import { followWatches } from "../src/watches/follow-watches.js";

const EMPTY_LIST: PaperList = { papers: [], software: [], legend: [], warnings: [], duplicates: [] };

const NOT_READ = { list: EMPTY_LIST, hash: "" };

/** A second list's file, read at start-up: one that cannot be read leaves that list empty (its sync says why), never stops the bot. */
async function readOtherListFile(id: string, path: string, log: Logger): Promise<{ list: PaperList; hash: string }> {
  try {
    return await readListFile(path);
  } catch (error) {
    log.warn({ err: error, list: id, path }, "a followed list's file cannot be read at start-up; the list is empty until a sync reads it");
    return NOT_READ;
  }
}

/**
 * Builds the services every command and job uses. The catalog starts from
 * each followed list's last good snapshot; when none is stored, from the
 * list's file (the first list: its file or the bundled list), so lookups work
 * before the first sync finishes.
 */
export async function buildServices(config: Config, log: Logger, now: () => Date = () => new Date()): Promise<Services> {
  const store = openStore(config.dbPath);
  const lists = config.lists.length > 0 ? config.lists : [{ id: DEFAULT_LIST_ID, upstream: config.upstream }];
  const versions: ListVersion[] = [];
  for (const [i, { id, upstream }] of lists.entries()) {
    const stored = await loadLastGoodList(store, sourceId(upstream), log, listReaderFor(upstream));
    // Only when no good snapshot is stored is a list's file read at start-up (the first list's, else the bundled list):
    // commands answer from it before the first sync, which stores it as the baseline. A URL never read starts empty.
    const fallbackPath = upstream.kind === "url" ? (i === 0 ? config.bundledListPath : undefined) : upstream.path;
    const start = stored ?? (fallbackPath === undefined ? NOT_READ : i === 0 ? await readListFile(fallbackPath) : await readOtherListFile(id, fallbackPath, log));
    versions.push({ id, list: start.list, hash: start.hash, loadedAt: now() });
  }
  const snapshot = loadBundledRecords(config.recordSnapshotPath, log);
  // The index is built once at start-up, with what is stored and bundled: the console shows records with no network.
  const catalog = Catalog.ofLists(versions, mergeRecords(snapshot, store.scholar.all(), store.scholar.pinnedToNone()), now());
  const deliverer = new Deliverer(store, log, now);
  // Whatever a feature posts (src/posting/) wakes the deliverer.
  wakeOnQueued(store, () => void deliverer.deliverDue());
  // Features meet through events, wired here once: sync publishes "papers-changed", the scholar "record-resolved" and "record-published".
  const events = new EventBus();
  const sync = ListSyncs.follow(lists, { store, catalog, log, now, announceChanges: config.announceChanges, maxAnnounce: config.maxAnnounce, events });
  const reading = new ReadingService({ store, catalog, calendar: new SessionCalendar(config.readingCron, config.timeZone), syncSources: sync.lists.map((l) => l.source), log, options: config.reading });
  followWatches({ store, catalog, deliveries: deliverer, events, log, now });
  events.on("record-published", ({ paper, record, before, at }) => {
    // Announced as news of the first list that holds the paper, under that list's own id for it.
    const origin = catalog.origins(paper.id)[0];
    const from = (origin && sync.get(origin.list)) ?? sync.primary;
    const several = lists.length > 1;
    const queued = announcePublished(store, from.source, catalog.list, paper, record, before, config.maxAnnounce, at, { id: from.listId, name: several ? from.listId : ONE_LIST_NAME, paperId: origin?.paperId ?? paper.id, namedLists: several });
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
