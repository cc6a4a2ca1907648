import { expect, vi } from "vitest";
import type { DiscordAdapter } from "../../adapters/discord/discord-adapter.js";
import type { Services } from "../../src/services.js";
import { startBot } from "../discord/bot-harness.js";
import { FakeDiscord } from "../fakes/discord/fake-discord.js";
import { FakeSlack } from "../fakes/slack/fake-slack.js";
import { formBody, postSigned, slashCommand } from "../fakes/slack/signed-request.js";
import { startSlackBot, type RunningBot } from "../fakes/slack/slack-bot.js";
import { FakeUpstream } from "../fakes/upstream-server.js";
import { bundledText, testServices, type TestServiceOptions } from "./bundled.js";
import { TestClock } from "./clock.js";

/** When the integration tests' clock starts: Saturday 2026-11-28, 12:00 UTC. */
export const TEST_START = Date.parse("2026-11-28T12:00:00Z");

/** The bundled list served by a loopback upstream, and services syncing from it on a test clock. */
export async function servedBundledList(over: TestServiceOptions = {}): Promise<{ upstream: FakeUpstream; clock: TestClock; services: Services }> {
  const upstream = await new FakeUpstream().start();
  upstream.serve(bundledText());
  const clock = new TestClock(TEST_START);
  const services = testServices(bundledText(), { upstream: { kind: "url", url: upstream.url }, now: clock.now, ...over });
  return { upstream, clock, services };
}

export interface SlackStack {
  fake: FakeSlack;
  bot: RunningBot;
  /** `/mss <text>` typed by the admin U0ADMIN in C0PAPERS: the answer as JSON text (HTTP 200 checked). */
  mss(text: string): Promise<string>;
  stop(): Promise<void>;
}

/** The fake Slack, the real Bolt adapter on it over HTTP (admin U0ADMIN), its announcer registered with the services' deliverer. */
export async function startSlackStack(services: Services): Promise<SlackStack> {
  const fake = await new FakeSlack().start();
  const bot = await startSlackBot(fake, { services, adminUserIds: ["U0ADMIN"] });
  await vi.waitFor(() => expect(bot.adapter.status().ready).toBe(true), { timeout: 10_000 });
  services.deliverer.register(bot.adapter.announcer);
  return {
    fake,
    bot,
    async mss(text) {
      const answer = await postSigned(bot.eventsUrl, formBody(slashCommand({ command: "/mss", text, responseUrl: fake.responseUrl(), userId: "U0ADMIN", channelId: "C0PAPERS" })));
      expect(answer.status).toBe(200);
      return JSON.stringify(answer.json());
    },
    async stop() {
      await services.deliverer.stop();
      await bot.adapter.stop();
      await fake.close();
    },
  };
}

export interface DiscordStack {
  fake: FakeDiscord;
  bot: DiscordAdapter;
  stop(): Promise<void>;
}

/** The fake Discord, the real discord.js adapter on it, its announcer registered with the services' deliverer. */
export async function startDiscordStack(services: Services): Promise<DiscordStack> {
  const fake = await FakeDiscord.start();
  const bot = await startBot(fake, { services, settings: services.store.settings });
  services.deliverer.register(bot.announcer);
  return {
    fake,
    bot,
    async stop() {
      await services.deliverer.stop();
      await bot.stop();
      await fake.stop();
    },
  };
}
