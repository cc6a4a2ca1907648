import type { RetryPolicy } from "../../adapters/discord/backoff.js";
import { createDiscordAdapter, type DiscordAdapter } from "../../adapters/discord/discord-adapter.js";
import { pino } from "pino";
import type { SettingsStore } from "../../src/ports.js";
import type { Services } from "../../src/services.js";
import { MemorySettings } from "../../src/store/memory-settings.js";
import { FakeDiscord, IDS } from "../fakes/discord/fake-discord.js";
import { testServices } from "../helpers/bundled.js";

export interface BotOptions {
  services?: Services;
  settings?: SettingsStore;
  guildId?: string | null;
  retry?: Partial<RetryPolicy>;
  apiUrl?: string;
}

/** The real adapter (real discord.js client) pointed at the fake; short backoff so retries happen within a test. */
export function createBot(fake: FakeDiscord, over: BotOptions = {}): DiscordAdapter {
  const guildId = over.guildId === null ? undefined : (over.guildId ?? IDS.guildId);
  return createDiscordAdapter({
    config: { token: IDS.token, apiUrl: over.apiUrl ?? fake.apiUrl, ...(guildId ? { guildId } : {}) },
    services: over.services ?? testServices(),
    settings: over.settings ?? new MemorySettings(),
    retry: { firstDelayMs: 25, maxDelayMs: 400, readyTimeoutMs: 10_000, ...over.retry },
  });
}

export async function startBot(fake: FakeDiscord, over: BotOptions = {}): Promise<DiscordAdapter> {
  const bot = createBot(fake, over);
  await bot.start();
  if (!bot.status().ready) throw new Error(`the bot did not connect: ${bot.status().reason}`);
  return bot;
}

/** Resolves when `condition` holds, checking every 10 ms; fails after `timeoutMs` with `what`. */
export async function waitFor(condition: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Services whose log lines are kept in `lines` (JSON parsed). */
export function loggingServices(lines: Array<{ level: number; msg: string }>): Services {
  const log = pino({ level: "info" }, { write: (line: string) => void lines.push(JSON.parse(line) as { level: number; msg: string }) });
  return { ...testServices(), log };
}
