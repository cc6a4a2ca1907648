import { Events } from "discord.js";
import type { ChatAdapter, SettingsStore } from "../../src/ports.js";
import type { Services } from "../../src/services.js";
import { DEFAULT_RETRY, type RetryPolicy } from "./backoff.js";
import { DiscordAnnouncer } from "./delivery/announcer.js";
import { GatewayConnection } from "./gateway-connection.js";
import { handleInteraction } from "./interactions/handle-interaction.js";
import { buildCommands } from "./registration/build-commands.js";
import { registerCommands, type RegisterOutcome } from "./registration/register-commands.js";
import { clientRestOptions, createAnnouncerRest, type DiscordConfig } from "./rest-options.js";

export interface DiscordAdapterOptions {
  config: DiscordConfig;
  services: Services;
  /** Keeps the hash of the registered command definitions across restarts. */
  settings: SettingsStore;
  retry?: Partial<RetryPolicy>;
}

export interface DiscordAdapter extends ChatAdapter {
  /**
   * Registers the generated slash commands if they changed since the last
   * registration (e.g. after a sync changed the legend's categories). Runs on
   * every login; callable again at any time while connected.
   */
  syncCommands(): Promise<RegisterOutcome | "not connected">;
}

/**
 * The Discord adapter: a discord.js client (Guilds intent only) answering
 * slash commands, autocomplete, buttons and menus through the core commands,
 * and an announcer posting to channels over REST.
 */
export function createDiscordAdapter({ config, services, settings, retry }: DiscordAdapterOptions): DiscordAdapter {
  const log = services.log;
  const announcerRest = createAnnouncerRest(config);
  const syncCommands = async (): Promise<RegisterOutcome | "not connected"> => {
    const client = connection.readyClient();
    if (!client) return "not connected";
    const body = buildCommands(services.commands.commands, services.catalog.list.legend, services.catalog.listIds);
    const target = { rest: client.rest, appId: config.appId ?? client.application.id, ...(config.guildId ? { guildId: config.guildId } : {}) };
    const outcome = await registerCommands(target, body, settings);
    log.info(`discord: ${body.length} slash commands ${outcome === "registered" ? "registered" : "unchanged"} (${config.guildId ? `server ${config.guildId}` : "global"})`);
    return outcome;
  };

  const connection = new GatewayConnection({
    token: config.token,
    rest: clientRestOptions(config),
    log,
    retry: { ...DEFAULT_RETRY, ...retry },
    setup(client) {
      client.on(Events.InteractionCreate, (interaction) => void handleInteraction(interaction, { services, log }));
    },
    async onReady() {
      await syncCommands().catch((error: unknown) => {
        log.error({ err: error }, "discord: registering slash commands failed; they will be retried at the next login");
      });
    },
  });

  return {
    platform: "discord",
    announcer: new DiscordAnnouncer(announcerRest, log),
    start: () => connection.start(),
    async stop() {
      await connection.stop();
      announcerRest.clearHashSweeper();
      announcerRest.clearHandlerSweeper();
    },
    status: () => connection.status(),
    syncCommands,
  };
}
