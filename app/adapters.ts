import type { Config } from "../src/config.js";
import type { OpsRoute } from "../src/ops/routes.js";
import type { ChatAdapter } from "../src/ports.js";
import type { Services } from "../src/services.js";

/** Whether an adapter serves HTTP on PORT itself (the Slack HTTP receiver); then the ops routes go through it. */
export const adapterOwnsPort = (config: Config): boolean => Boolean(config.slack && !config.slack.appToken);

/**
 * The platform adapters the configuration switches on. Each is imported only
 * when configured, so the console and the CLI never load discord.js or Bolt.
 */
export async function createAdapters(config: Config, services: Services, opsRoutes: OpsRoute[]): Promise<ChatAdapter[]> {
  const adapters: ChatAdapter[] = [];
  if (config.slack) {
    const { createSlackAdapter } = await import("../adapters/slack/slack-adapter.js");
    const slack = createSlackAdapter({ config: config.slack, port: config.port, services });
    for (const route of opsRoutes) slack.http?.route(route.method, route.path, route.handler);
    adapters.push(slack);
  }
  if (config.discord) {
    const { createDiscordAdapter } = await import("../adapters/discord/discord-adapter.js");
    const discord = createDiscordAdapter({ config: config.discord, services, settings: services.store.settings });
    // A sync can change the legend (the tag choices): re-register when the generated definitions changed.
    services.sync.onRun((run) => {
      if (run.result === "changed" || run.result === "baseline") {
        discord.syncCommands().catch((error: unknown) => services.log.warn({ err: error }, "discord: re-registering commands failed"));
      }
    });
    adapters.push(discord);
  }
  return adapters;
}
