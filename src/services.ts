import type { Logger } from "./log.js";
import type { ReadingService } from "./reading/reading-service.js";
import type { ScholarService } from "./scholar/scholar-service.js";
import type { Catalog } from "./search/catalog.js";
import type { Store } from "./store/store.js";
import type { Deliverer } from "./sync/deliverer.js";
import type { ListSyncs } from "./sync/list-syncs.js";

/** Told about every dispatched command (metrics, logs); outcome is the reply kind or "error:<reason>". */
export type DispatchObserver = (event: { command: string; platform: string; outcome: string; ms: number }) => void;

/**
 * What command handlers and jobs may use; built once in app/ and passed down (tests build their own).
 * `commands` (the registry) is added by src/commands/registry.ts: the commands sit above this file.
 */
export interface Services {
  catalog: Catalog;
  log: Logger;
  now: () => Date;
  /** The bot's own clock (MSS_TZ): digest times, and the reading group's calendar by default. */
  timeZone: string;
  store: Store;
  /** Every followed list's sync (`sync.run()` runs them all; `sync.runAll()` reports each). */
  sync: ListSyncs;
  deliverer: Deliverer;
  reading: ReadingService;
  /** Scholarly records (titles, authors, abstracts, BibTeX) and their queue. */
  scholar: ScholarService;
  /** Told about every dispatched command (metrics); dispatch calls it. */
  observeCommand?: DispatchObserver;
}
