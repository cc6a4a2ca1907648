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
  if (config.discord) services.log.warn("the Discord adapter is not built yet");
  return adapters;
}
