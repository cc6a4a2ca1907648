import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Services } from "../../src/services.js";
import { type FakeDiscord, IDS } from "../fakes/discord/fake-discord.js";
import { commandInteraction, option } from "../fakes/discord/payloads.js";
import type { FakeUpstream } from "../fakes/upstream-server.js";
import { servedBundledList, startDiscordStack, type DiscordStack } from "../helpers/platform-stacks.js";
import { bundledText } from "../helpers/bundled.js";
import { addRow, newRow } from "../helpers/versions.js";

let fake: FakeDiscord;
let upstream: FakeUpstream;
let services: Services;
let stack: DiscordStack;

beforeEach(async () => {
  ({ upstream, services } = await servedBundledList());
  stack = await startDiscordStack(services);
  ({ fake } = stack);
});
afterEach(async () => {
  await stack.stop();
  await upstream.stop();
});

const subscribe = async (...options: ReturnType<typeof option>[]) => JSON.stringify((await fake.interact(commandInteraction("subscribe", options, { admin: true }))).body.data);
const channelPosts = () => fake.requests.filter((r) => r.method === "POST" && r.path === `/channels/${IDS.channelId}/messages`);

describe("subscribe through Discord: a delivery option alone keeps the filter", () => {
  it("thread:yes after venue:OSDI keeps announcing only OSDI papers, now with a thread; venue:any then lets every paper through", async () => {
    expect(await subscribe(option("venue", "OSDI"))).toContain("Announcements on for this channel: venue OSDI.");
    expect(await subscribe(option("thread", true))).toContain("Announcements updated for this channel: venue OSDI. Changed: thread no → yes.");
    await services.sync.run();
    upstream.serve(addRow(addRow(bundledText(), "TapFinger", newRow("FlexServe", "NSDI", 2025)), "Gillis", newRow("ZipServe", "OSDI", 2025)));
    await services.sync.run();
    for (let i = 0; i < 3; i++) await services.deliverer.deliverDue();
    expect(channelPosts().map((p) => JSON.stringify(p.body.embeds))).toEqual([expect.stringContaining("ZipServe")]);
    expect(fake.threads.size).toBe(1);

    expect(await subscribe(option("venue", "any"))).toContain("Announcements updated for this channel: every paper. Changed: venue OSDI → any.");
    expect(services.store.subscriptions.get("discord", IDS.channelId)).toMatchObject({ filter: {}, delivery: { thread: true } });
  });

  it("registers any as one more choice of the tag option, to clear the category filter", async () => {
    const registered = fake.requests.find((r) => r.method === "PUT" && r.path.includes("/commands"));
    const subscribeJson = (registered?.body as unknown as Array<{ name: string; options: Array<{ name: string; choices?: Array<{ value: string }> }> }>).find((c) => c.name === "subscribe");
    expect(subscribeJson?.options.find((o) => o.name === "tag")?.choices?.map((c) => c.value)).toContain("any");
  });
});
