import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { DiscordAdapter } from "../../adapters/discord/discord-adapter.js";
import type { Services } from "../../src/services.js";
import { digestJob } from "../../src/sync/digest-job.js";
import { FakeDiscord, IDS } from "../fakes/discord/fake-discord.js";
import { commandInteraction, option } from "../fakes/discord/payloads.js";
import { FakeUpstream } from "../fakes/upstream-server.js";
import { startBot } from "../discord/bot-harness.js";
import { bundledText, testServices } from "../helpers/bundled.js";
import { TestClock } from "../helpers/clock.js";
import { addRow, newRow } from "../helpers/versions.js";

let fake: FakeDiscord;
let upstream: FakeUpstream;
let bot: DiscordAdapter;
let services: Services;
let clock: TestClock;

beforeEach(async () => {
  fake = await FakeDiscord.start();
  upstream = await new FakeUpstream().start();
  upstream.serve(bundledText());
  clock = new TestClock(Date.parse("2026-11-28T12:00:00Z"));
  services = testServices(bundledText(), { upstream: { kind: "url", url: upstream.url }, now: clock.now, timeZone: "Europe/Berlin" });
  bot = await startBot(fake, { services, settings: services.store.settings });
  services.deliverer.register(bot.announcer);
});
afterEach(async () => {
  await bot.stop();
  await fake.stop();
  await upstream.stop();
});

const why = async (paper: string) => JSON.stringify((await fake.interact(commandInteraction("why", [option("paper", paper)]))).body.data);

describe("why through Discord after a daily digest", () => {
  it("says the paper waits for the digest of its time, then that it was sent in it", async () => {
    await fake.interact(commandInteraction("subscribe", [option("mode", "daily"), option("at", "09:00")], { admin: true }));
    await services.sync.run();
    upstream.serve(addRow(bundledText(), "TapFinger", newRow("KVServe", "NSDI", 2026)));
    await services.sync.run();
    await services.deliverer.deliverDue();

    // 09:00 in Berlin is 08:00 UTC in winter.
    expect(await why("KVServe")).toContain("its addition waits for the daily digest of 2026-11-29 08:00 UTC");
    clock.advance(20 * 3_600_000);
    await digestJob(services).run();
    await services.deliverer.deliverDue();
    const posts = fake.requests.filter((r) => r.method === "POST" && r.path === `/channels/${IDS.channelId}/messages`);
    expect(JSON.stringify(posts.map((p) => p.body))).toContain("daily digest");
    const answer = await why("KVServe");
    expect(answer).toContain("its addition was sent in the daily digest of 2026-11-29 08:00 UTC");
    expect(answer).not.toContain("collected for the channel");
  });
});
