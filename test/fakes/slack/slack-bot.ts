import { createSlackAdapter, type SlackAdapter } from "../../../adapters/slack/slack-adapter.js";
import type { Services } from "../../../src/services.js";
import { testServices } from "../../helpers/bundled.js";
import type { FakeSlack } from "./fake-slack.js";
import { SIGNING_SECRET } from "./signed-request.js";

export interface BotOptions {
  services?: Services;
  socketMode?: boolean;
  adminUserIds?: string[];
  webTimeoutMs?: number;
  ackDeadlineMs?: number;
}

export interface RunningBot {
  adapter: SlackAdapter;
  /** http://127.0.0.1:P/slack/events (HTTP mode). */
  eventsUrl: string;
}

/** The real Slack adapter (real Bolt) pointed at the fake, on 127.0.0.1 and an ephemeral port. */
export function slackBot(fake: FakeSlack, options: BotOptions = {}): SlackAdapter {
  return createSlackAdapter({
    config: {
      botToken: "xoxb-test-token",
      ...(options.socketMode ? { appToken: "xapp-test-token" } : { signingSecret: SIGNING_SECRET }),
      apiUrl: fake.apiUrl,
      adminUserIds: options.adminUserIds ?? [],
    },
    port: 0,
    host: "127.0.0.1",
    services: options.services ?? testServices(),
    backoff: { initialMs: 20, maxMs: 200 },
    webTimeoutMs: options.webTimeoutMs ?? 10_000,
    ackDeadlineMs: options.ackDeadlineMs ?? 2_000,
  });
}

export async function startSlackBot(fake: FakeSlack, options: BotOptions = {}): Promise<RunningBot> {
  const adapter = slackBot(fake, options);
  await adapter.start();
  const port = adapter.http?.address()?.port;
  return { adapter, eventsUrl: `http://127.0.0.1:${port ?? 0}/slack/events` };
}
