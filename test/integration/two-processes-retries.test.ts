import { join } from "node:path";
import { webApi } from "@slack/bolt";
import { afterEach, beforeEach, expect, it, vi } from "vitest";
import { DiscordAnnouncer } from "../../adapters/discord/delivery/announcer.js";
import { nonceFor } from "../../adapters/discord/delivery/nonce.js";
import { createAnnouncerRest } from "../../adapters/discord/rest-options.js";
import { SlackAnnouncer } from "../../adapters/slack/announcer.js";
import { webClientOptions } from "../../adapters/slack/web-client-options.js";
import { silentLogger } from "../../src/log.js";
import type { Services } from "../../src/services.js";
import { FakeDiscord, IDS } from "../fakes/discord/fake-discord.js";
import { FakeSlack } from "../fakes/slack/fake-slack.js";
import { FakeUpstream } from "../fakes/upstream-server.js";
import { bundledText, run, testServices } from "../helpers/bundled.js";
import { tempDir } from "../helpers/temp-dir.js";
import { withManyAdded } from "../helpers/versions.js";

let slack: FakeSlack;
let discord: FakeDiscord;
let upstream: FakeUpstream;
let processes: Services[];

/**
 * One bot process as far as delivery goes: its own store connection on the
 * shared file, its own deliverer, and its own real Slack WebClient and
 * discord.js REST client. A short first backoff keeps the test quick; the
 * production policy's timing is covered in transient-retries.test.ts.
 */
function botProcess(dbPath: string): Services {
  const s = testServices(bundledText(), { upstream: { kind: "url", url: upstream.url }, dbPath, now: () => new Date(), deliverer: { backoffMs: 300, jitter: 0.25 } });
  s.deliverer.register(new SlackAnnouncer(new webApi.WebClient("xoxb-test-token", webClientOptions(slack.apiUrl, 2_000)), silentLogger()));
  s.deliverer.register(new DiscordAnnouncer(createAnnouncerRest({ token: IDS.token, apiUrl: discord.apiUrl }), silentLogger()));
  s.deliverer.start();
  return s;
}

beforeEach(async () => {
  slack = await new FakeSlack().start();
  discord = await FakeDiscord.start();
  upstream = await new FakeUpstream().start();
  upstream.serve(bundledText());
});
afterEach(async () => {
  for (const s of processes) await s.deliverer.stop();
  for (const s of processes) s.store.close();
  await slack.close();
  await discord.stop();
  await upstream.stop();
});

it("two processes on one file, every first post failing once, deliver every row exactly once and in order", async () => {
  // Every post's first attempt fails: Slack answers ratelimited inside a 200, Discord a 503.
  slack.failEachFirstPost = { kind: "error", error: "ratelimited" };
  discord.failEachFirstPost = { status: 503 };
  const dbPath = join(tempDir("mss-two-"), "bot.db");
  const [a, b] = (processes = [botProcess(dbPath), botProcess(dbPath)]) as [Services, Services];
  await run("subscribe", {}, a, { platform: "slack", isAdmin: true, channel: "C0PAPERS" });
  await run("subscribe", {}, a, { platform: "discord", isAdmin: true, channel: IDS.channelId });
  await a.sync.run();
  // Three syncs, from either process, each adding three papers; each wakes its own deliverer as app/ does.
  for (const [s, added] of [[a, 3], [b, 6], [a, 9]] as const) {
    upstream.serve(withManyAdded(added));
    await s.sync.run();
    void s.deliverer.deliverDue();
  }

  await vi.waitFor(() => expect(a.store.outbox.counts()).toMatchObject({ pending: 0, sending: 0 }), { timeout: 30_000, interval: 100 });
  expect(a.store.outbox.counts()).toEqual({ pending: 0, sending: 0, sent: 18, failed: 0 });
  const expected = Array.from({ length: 9 }, (_, i) => `Bulk${i + 1}Serve`);
  expect(slack.postedIn("C0PAPERS").map((m) => /Bulk\d+Serve/.exec(String(m.text))?.[0])).toEqual(expected);
  const keys = a.store.outbox.forChannel("discord", IDS.channelId).reverse().map((r) => r.key);
  expect(discord.posted.map((r) => String(r.body?.nonce))).toEqual(keys.map((key) => nonceFor(key)));
  expect(discord.posted.map((r) => /Bulk\d+Serve/.exec(JSON.stringify(r.body))?.[0])).toEqual(expected);
}, 50_000);
