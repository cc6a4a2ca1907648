import type { Logger } from "./log.js";
import type { CommandRegistry } from "./commands/registry.js";
import type { Catalog } from "./search/catalog.js";

/** What command handlers and jobs may use; built once in app/ and passed down (tests pass their own). */
export interface Services {
  catalog: Catalog;
  commands: CommandRegistry;
  log: Logger;
  now: () => Date;
}
