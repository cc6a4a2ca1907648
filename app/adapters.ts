import type { Config } from "../src/config.js";
import type { OpsRoute } from "../src/ops/routes.js";
import type { ChatAdapter } from "../src/ports.js";
import type { Services } from "../src/services.js";

/** Whether an adapter serves HTTP on PORT itself (the Slack HTTP receiver); then the ops routes go through it. */
export const adapterOwnsPort = (config: Config): boolean => Boolean(config.slack && !config.slack.appToken);

/** The platform adapters the configuration switches on. */
export async function createAdapters(config: Config, services: Services, opsRoutes: OpsRoute[]): Promise<ChatAdapter[]> {
  const adapters: ChatAdapter[] = [];
  void opsRoutes;
  if (config.discord) services.log.warn("the Discord adapter is not built yet");
  if (config.slack) services.log.warn("the Slack adapter is not built yet");
  return adapters;
}
