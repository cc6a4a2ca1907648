import { afterEach, beforeEach, expect, it, vi } from "vitest";
import type { SlackAdapter } from "../../adapters/slack/slack-adapter.js";
import type { Services } from "../../src/services.js";
import { DEFAULT_DELIVERER_OPTIONS } from "../../src/sync/deliverer.js";
import { FakeSlack } from "../fakes/slack/fake-slack.js";
import { startSlackBot } from "../fakes/slack/slack-bot.js";
import { FakeUpstream } from "../fakes/upstream-server.js";
import { bundledText, run, testServices } from "../helpers/bundled.js";
import { withManyAdded } from "../helpers/versions.js";

let slack: FakeSlack;
let upstream: FakeUpstream;
let services: Services;
let bot: SlackAdapter;

beforeEach(async () => {
  slack = await new FakeSlack().start();
  upstream = await new FakeUpstream().start();
  upstream.serve(bundledText());
  const { backoffMs, maxBackoffMs, jitter } = DEFAULT_DELIVERER_OPTIONS;
  services = testServices(bundledText(), { upstream: { kind: "url", url: upstream.url }, now: () => new Date(), maxAnnounce: 30, deliverer: { backoffMs, maxBackoffMs, jitter } });
  bot = (await startSlackBot(slack, { services })).adapter;
  await vi.waitFor(() => expect(bot.status().ready).toBe(true), { timeout: 10_000 });
  services.deliverer.register(bot.announcer);
});
afterEach(async () => {
  await services.deliverer.stop();
  await bot.stop();
  await slack.close();
  await upstream.stop();
});

it("posts a 30-paper burst into a channel that refuses a post within 1 s of the previous, each paper once and in list order", async () => {
  // Like Slack: a second post to the channel within a second gets HTTP 429 with Retry-After: 1.
  slack.paceMs = 1_000;
  await run("subscribe", {}, services, { platform: "slack", isAdmin: true, channel: "C0BURST" });
  await services.sync.run();
  upstream.serve(withManyAdded(30));
  await services.sync.run();
  services.deliverer.start();

  await vi.waitFor(() => expect(slack.postedIn("C0BURST")).toHaveLength(30), { timeout: 50_000, interval: 200 });
  const names = slack.postedIn("C0BURST").map((m) => /Bulk(\d+)Serve/.exec(String(m.text))?.[1]);
  expect(names).toEqual(Array.from({ length: 30 }, (_, i) => String(i + 1)));
  expect(services.store.outbox.counts()).toEqual({ pending: 0, sending: 0, sent: 30, failed: 0 });
  // Paced at one post a second after the previous answer, the burst rarely meets the limit at all.
  expect(slack.paceRefusals).toBeLessThanOrEqual(3);
}, 60_000);
