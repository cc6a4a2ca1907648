import { createRegistry } from "../src/commands/all.js";
import type { Config } from "../src/config.js";
import type { Logger } from "../src/log.js";
import { readListFile } from "../src/papers/index.js";
import { Catalog } from "../src/search/catalog.js";
import type { Services } from "../src/services.js";

/** The list the bot starts on: the configured file, else the bundled snapshot. */
export async function loadStartingList(config: Config) {
  const path = config.upstream.kind === "url" ? config.bundledListPath : config.upstream.path;
  return readListFile(path);
}

/** Builds the services every command and job uses, from a validated config. */
export async function buildServices(config: Config, log: Logger): Promise<Services> {
  const loaded = await loadStartingList(config);
  if (loaded.list.warnings.length > 0) log.debug({ warnings: loaded.list.warnings }, "list parsed with warnings");
  return { catalog: new Catalog(loaded.list, loaded.hash), commands: createRegistry(), log, now: () => new Date() };
}
