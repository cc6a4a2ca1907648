import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Services } from "../../src/services.js";
import { digestJob } from "../../src/sync/digest-job.js";
import { type FakeDiscord, IDS } from "../fakes/discord/fake-discord.js";
import { commandInteraction, option } from "../fakes/discord/payloads.js";
import type { FakeUpstream } from "../fakes/upstream-server.js";
import { servedBundledList, startDiscordStack, type DiscordStack } from "../helpers/platform-stacks.js";
import { bundledText } from "../helpers/bundled.js";
import type { TestClock } from "../helpers/clock.js";
import { addRow, newRow } from "../helpers/versions.js";

let fake: FakeDiscord;
let upstream: FakeUpstream;
let services: Services;
let stack: DiscordStack;
let clock: TestClock;

beforeEach(async () => {
  ({ upstream, clock, services } = await servedBundledList({ timeZone: "Europe/Berlin" }));
  stack = await startDiscordStack(services);
  ({ fake } = stack);
});
afterEach(async () => {
  await stack.stop();
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
