import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Services } from "../../src/services.js";
import { queueDueDigests } from "../../src/sync/scheduled-digest.js";
import { type FakeDiscord, IDS } from "../fakes/discord/fake-discord.js";
import { commandInteraction, option } from "../fakes/discord/payloads.js";
import type { FakeUpstream } from "../fakes/upstream-server.js";
import { servedBundledList, startDiscordStack, type DiscordStack } from "../helpers/platform-stacks.js";
import { bundledText } from "../helpers/bundled.js";
import type { TestClock } from "../helpers/clock.js";
import { syntheticRecord, withRecords } from "../helpers/records.js";
import { addRow, newRow } from "../helpers/versions.js";

const ROLE = "555555555555555555";
const OTHER_ROLE = "555555555555555556";
let fake: FakeDiscord;
let upstream: FakeUpstream;
let services: Services;
let stack: DiscordStack;
let clock: TestClock;

beforeEach(async () => {
  ({ upstream, clock, services } = await servedBundledList());
  stack = await startDiscordStack(services);
  ({ fake } = stack);
});
afterEach(async () => {
  await stack.stop();
  await upstream.stop();
});

const channelPosts = () => fake.requests.filter((r) => r.method === "POST" && r.path === `/channels/${IDS.channelId}/messages`);
/** Two new papers: one resolved to a record with an abstract, one named to try to ping everyone and another role. */
const twoNew = () =>
  addRow(addRow(bundledText(), "TapFinger", newRow("FlexServe", "NSDI", 2025)), "Gillis", newRow(`PingServe @everyone @here <@&${OTHER_ROLE}>`, "SoCC", 2020));
/** Raw mentions Discord would parse: @everyone/@here, or <@…> / <@&…> not broken by a zero-width space. */
const livePings = (text: string) => [...text.matchAll(/@everyone|@here|<@[!&]?\d+>/g)].map((m) => m[0]);

async function subscribe(...options: ReturnType<typeof option>[]) {
  const answer = await fake.interact(commandInteraction("subscribe", options, { admin: true }));
  expect(JSON.stringify(answer.body.data)).toContain("Announcements on for this channel");
}

describe("announcement options through Discord", () => {
  it("thread:yes opens a thread on each announcement with the abstract as its first post; mention pings only that role", async () => {
    await subscribe(option("thread", true), option("mention", `<@&${ROLE}>`));
    await services.sync.run();
    withRecords(services, { flexserve: syntheticRecord("FlexServe: Flexible Serving") });
    upstream.serve(twoNew());
    await services.sync.run();
    for (let i = 0; i < 4; i++) await services.deliverer.deliverDue();

    const posts = channelPosts();
    expect(posts).toHaveLength(2);
    for (const post of posts) {
      expect(post.body.allowed_mentions).toEqual({ parse: [], roles: [ROLE] });
      expect(String(post.body.content)).toMatch(new RegExp(`^<@&${ROLE}> 📣 New paper on MSS-Papers$`));
      expect(livePings(JSON.stringify(post.body))).toEqual([`<@&${ROLE}>`]);
    }
    expect(JSON.stringify(posts[1]?.body.embeds)).toContain("PingServe");

    const ids = services.store.outbox.recent().filter((r) => !r.key.includes("|thread|")).map((r) => r.messageId).reverse();
    expect(fake.threads).toEqual(new Map([[ids[0], "FlexServe"], [ids[1], `PingServe @everyone @here <@&${OTHER_ROLE}>`]]));
    const inThread = (id: string | null | undefined) => fake.requests.filter((r) => r.method === "POST" && r.path === `/channels/${id}/messages`);
    const [abstract] = inThread(ids[0]);
    expect(JSON.stringify(abstract?.body)).toContain("FlexServe: Flexible Serving is a synthetic paper of the test suite.");
    expect(abstract?.body.allowed_mentions).toEqual({ parse: [] });
    const [notice] = inThread(ids[1]);
    expect(JSON.stringify(notice?.body)).toContain("No abstract is known yet");
    expect(notice?.body.allowed_mentions).toEqual({ parse: [] });
    expect(livePings(JSON.stringify(notice?.body))).toEqual([]);
    expect(services.store.outbox.counts()).toMatchObject({ sent: 4, pending: 0, failed: 0 });
  });

  it("without a mention nothing pings, and without thread:yes no thread opens", async () => {
    await subscribe();
    await services.sync.run();
    upstream.serve(twoNew());
    await services.sync.run();
    await services.deliverer.deliverDue();
    expect(channelPosts()).toHaveLength(2);
    for (const post of channelPosts()) {
      expect(post.body.allowed_mentions).toEqual({ parse: [] });
      expect(livePings(JSON.stringify(post.body))).toEqual([]);
    }
    expect(fake.threads.size).toBe(0);
  });

  it("a daily digest pings the role once, within Discord's limits, with each paper's short abstract", async () => {
    await subscribe(option("mode", "daily"), option("at", "09:00"), option("mention", ROLE));
    await services.sync.run();
    let text = bundledText();
    for (let i = 1; i <= 30; i++) text = addRow(text, "TapFinger", newRow(`Digest${i}Serve`));
    upstream.serve(text);
    const records = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`digest${i + 1}serve`, syntheticRecord(`Digest${i + 1}Serve: ${"Long Title Words ".repeat(8)}`)]));
    withRecords(services, records);
    await services.sync.run();
    await services.deliverer.deliverDue();
    expect(channelPosts()).toHaveLength(0);

    clock.advance(21 * 3_600_000);
    expect(queueDueDigests(services.store, "UTC", clock.now(), services.catalog.records).queued).toBe(1);
    await services.deliverer.deliverDue();
    const posts = channelPosts();
    expect(posts.length).toBeGreaterThan(1);
    const [first, ...rest] = posts;
    expect(first?.body.content).toBe(`<@&${ROLE}> MSS-Papers daily digest: 30 new papers`);
    for (const post of posts) {
      expect(post.body.allowed_mentions).toEqual({ parse: [], roles: [ROLE] });
      const embeds = post.body.embeds as Array<{ title?: string; description?: string }>;
      const size = embeds.reduce((n, e) => n + (e.title?.length ?? 0) + (e.description?.length ?? 0), 0);
      expect(size).toBeLessThanOrEqual(6000);
      for (const e of embeds) expect(e.description?.length ?? 0).toBeLessThanOrEqual(4096);
    }
    for (const post of rest) expect(post.body.content).toBeUndefined();
    const all = JSON.stringify(posts.map((p) => p.body.embeds));
    expect(all).toContain("is a synthetic paper of the test suite.");
    expect(all).toContain("… and 10 more");
  });
});
