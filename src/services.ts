import type { DispatchObserver } from "./commands/dispatch.js";
import type { CommandRegistry } from "./commands/registry.js";
import type { Logger } from "./log.js";
import type { ReadingService } from "./reading/reading-service.js";
import type { ScholarService } from "./scholar/scholar-service.js";
import type { Catalog } from "./search/catalog.js";
import type { Store } from "./store/store.js";
import type { Deliverer } from "./sync/deliverer.js";
import type { SyncService } from "./sync/sync-service.js";

/** What command handlers and jobs may use; built once in app/ and passed down (tests build their own). */
export interface Services {
  catalog: Catalog;
  commands: CommandRegistry;
  log: Logger;
  now: () => Date;
  store: Store;
  sync: SyncService;
  deliverer: Deliverer;
  reading: ReadingService;
  /** Scholarly records (titles, authors, abstracts, BibTeX) and their queue. */
  scholar: ScholarService;
  /** Told about every dispatched command (metrics); dispatch calls it. */
  observeCommand?: DispatchObserver;
}
