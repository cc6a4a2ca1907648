import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { createRegistry } from "../../src/commands/all.js";
import type { CommandContext } from "../../src/commands/context.js";
import { dispatch } from "../../src/commands/dispatch.js";
import type { RawArgs } from "../../src/commands/parse-text.js";
import { silentLogger } from "../../src/log.js";
import { hashText, parseList, type PaperList } from "../../src/papers/index.js";
import type { Platform } from "../../src/replies/reply.js";
import { Catalog } from "../../src/search/catalog.js";
import type { Services } from "../../src/services.js";

export const BUNDLED_PATH = fileURLToPath(new URL("../../data/papers.md", import.meta.url));
export const bundledText = (): string => readFileSync(BUNDLED_PATH, "utf8");
export const bundledList = (): PaperList => parseList(bundledText());

/** Services over a list (the bundled one by default), as app/ builds them. */
export function testServices(markdown: string = bundledText()): Services {
  return { catalog: new Catalog(parseList(markdown), hashText(markdown)), commands: createRegistry(), log: silentLogger(), now: () => new Date("2026-11-28T12:00:00Z") };
}

export function testContext(services: Services, over: { platform?: Platform; isAdmin?: boolean } = {}): CommandContext {
  const platform = over.platform ?? "console";
  return { platform, channel: { platform, id: "c1" }, user: { id: "u1", name: "tester", isAdmin: over.isAdmin ?? false }, services };
}

/** Runs a command the way every adapter does. */
export function run(name: string, args: RawArgs = {}, services = testServices(), over: { platform?: Platform; isAdmin?: boolean } = {}) {
  return dispatch(services.commands, name, args, testContext(services, over));
}
