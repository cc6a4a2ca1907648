import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { createRegistry } from "../../src/commands/all.js";
import type { CommandContext } from "../../src/commands/context.js";
import { dispatch } from "../../src/commands/dispatch.js";
import type { RawArgs } from "../../src/commands/parse-text.js";
import { silentLogger } from "../../src/log.js";
import { EventBus } from "../../src/papers/events.js";
import { hashText, parseList, type Paper, type PaperList } from "../../src/papers/index.js";
import type { PaperRecord } from "../../src/papers/record.js";
import type { Platform } from "../../src/replies/reply.js";
import { Catalog, type ListVersion } from "../../src/search/catalog.js";
import type { Services } from "../../src/services.js";
import type { FollowedList, Upstream } from "../../src/config.js";
import { DEFAULT_LIST_ID } from "../../src/papers/model.js";
import { ListSyncs } from "../../src/sync/list-syncs.js";
import type { ReadingOptions } from "../../src/reading/reading-options.js";
import { ReadingService } from "../../src/reading/reading-service.js";
import { SessionCalendar } from "../../src/reading/session-calendar.js";
import { openStore } from "../../src/store/store.js";
import { Deliverer, type DelivererOptions } from "../../src/sync/deliverer.js";
import type { Logger } from "../../src/log.js";
import type { SyncDeps } from "../../src/sync/sync-service.js";
import { ScholarService, type ScholarDeps } from "../../src/scholar/scholar-service.js";
import { followWatches } from "../../src/watches/follow-watches.js";

export const BUNDLED_PATH = fileURLToPath(new URL("../../data/papers.md", import.meta.url));
export const bundledText = (): string => readFileSync(BUNDLED_PATH, "utf8");
export const bundledList = (): PaperList => parseList(bundledText());

const EMPTY_LIST: PaperList = { papers: [], software: [], legend: [], warnings: [], duplicates: [] };

export const TEST_NOW = new Date("2026-11-28T12:00:00Z");

/**
 * Services over a list (the bundled one by default) with an in-memory store,
 * as app/ builds them; the sync source is the bundled file unless given.
 */
export interface TestServiceOptions {
  upstream?: Upstream;
  /** Several followed lists (MSS_LISTS), each starting empty until its first sync; `upstream` and the markdown are then unused. */
  lists?: FollowedList[];
  now?: () => Date;
  maxAnnounce?: number;
  fetch?: SyncDeps["fetch"];
  readList?: SyncDeps["readList"];
  log?: Logger;
  dbPath?: string;
  deliverer?: Partial<DelivererOptions>;
  /** MSS_READING_CRON and MSS_TZ; default Monday 09:00 UTC. */
  readingCron?: string;
  timeZone?: string;
  /** MSS_READING_REMIND, MSS_READING_THREADS, MSS_READING_POST_LEAD (0 unless given), MSS_PUBLIC_URL, MSS_CALENDAR_TOKEN as parsed. */
  reading?: Partial<ReadingOptions>;
  /** The scholarly sources (fakes); none by default, as with MSS_ENRICH=false. */
  scholar?: Partial<Pick<ScholarDeps, "sources" | "snapshot">> & { onPublished?: (paper: Paper, record: PaperRecord, before: PaperRecord) => void };
  /** Several lists already read and merged (as MSS_LISTS gives them after a sync); the markdown's one list when not given. Each syncs from `upstream` (the bundled list by default). */
  loadedLists?: ListVersion[];
}

export function testServices(markdown: string = bundledText(), over: TestServiceOptions = {}): Services {
  const log = over.log ?? silentLogger();
  const now = over.now ?? (() => TEST_NOW);
  const store = openStore(over.dbPath ?? ":memory:");
  const upstream: Upstream = over.upstream ?? { kind: "bundled", path: BUNDLED_PATH };
  const followed = over.lists ?? (over.loadedLists ?? [{ id: DEFAULT_LIST_ID }]).map(({ id }) => ({ id, upstream }));
  const catalog = over.loadedLists
    ? Catalog.ofLists(over.loadedLists)
    : over.lists === undefined
      ? new Catalog(parseList(markdown), hashText(markdown))
      : Catalog.ofLists(over.lists.map((l) => ({ id: l.id, list: EMPTY_LIST, hash: "", loadedAt: now() })));
  const deliverer = new Deliverer(store, log, now, { backoffMs: 1000, maxBackoffMs: 60_000, jitter: 0, ...over.deliverer });
  const events = new EventBus();
  const sync = ListSyncs.follow(followed, {
    store,
    catalog,
    log,
    now,
    announceChanges: true,
    maxAnnounce: over.maxAnnounce ?? 10,
    fetch: over.fetch ?? { retries: 0, timeoutMs: 2000 },
    readList: over.readList,
    events,
  });
  // As at start-up: commands answer from the stored snapshot, when there is one.
  for (const list of sync.lists) {
    const snapshot = store.snapshots.get(list.source);
    if (snapshot) catalog.replaceList(list.listId, parseList(snapshot.content), snapshot.hash);
  }
  const timeZone = over.timeZone ?? "UTC";
  const calendar = new SessionCalendar(over.readingCron ?? "0 9 * * 1", timeZone);
  // Tests of the rotation itself post at the session's start (no lead); those of the week around the post give MSS_READING_POST_LEAD.
  const reading = new ReadingService({ store, catalog, calendar, syncSources: sync.lists.map((l) => l.source), log, options: { postLeadMs: 0, ...over.reading } });
  followWatches({ store, catalog, deliveries: deliverer, events, log, now });
  const onPublished = over.scholar?.onPublished;
  if (onPublished) events.on("record-published", ({ paper, record, before }) => onPublished(paper, record, before));
  const scholar = new ScholarService({ store, catalog, log, now, events, sources: over.scholar?.sources ?? null, ...(over.scholar?.snapshot ? { snapshot: over.scholar.snapshot } : {}) });
  scholar.followSync(sync);
  scholar.publish();
  return { catalog, commands: createRegistry(), log, now, timeZone, store, sync, deliverer, reading, scholar };
}

export interface CallerOptions {
  platform?: Platform;
  isAdmin?: boolean;
  /** The channel id; null for no channel (the CLI). */
  channel?: string | null;
  /** The caller's user id; "u1" by default. */
  user?: string;
}

export function testContext(services: Services, over: CallerOptions = {}): CommandContext {
  const platform = over.platform ?? "console";
  const channel = over.channel === null ? null : { platform, id: over.channel ?? "c1" };
  return { platform, channel, user: { id: over.user ?? "u1", name: "tester", isAdmin: over.isAdmin ?? false }, services };
}

/** Runs a command the way every adapter does. */
export function run(name: string, args: RawArgs = {}, services = testServices(), over: CallerOptions = {}) {
  return dispatch(services.commands, name, args, testContext(services, over));
}
