import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Services } from "../../src/services.js";
import { type FakeDiscord, IDS } from "../fakes/discord/fake-discord.js";
import { commandInteraction, option } from "../fakes/discord/payloads.js";
import { FakeUpstream } from "../fakes/upstream-server.js";
import { waitFor } from "../discord/bot-harness.js";
import { startDiscordStack, type DiscordStack } from "../helpers/platform-stacks.js";
import { bundledText, testServices } from "../helpers/bundled.js";
import { versionTwo } from "../helpers/versions.js";

const EPHEMERAL = 64;
let fake: FakeDiscord;
let upstream: FakeUpstream;
let stack: DiscordStack;
let services: Services;

beforeEach(async () => {
  upstream = await new FakeUpstream().start();
  upstream.serve(bundledText());
  services = testServices(bundledText(), { upstream: { kind: "url", url: upstream.url } });
  stack = await startDiscordStack(services);
  ({ fake } = stack);
});
afterEach(async () => {
  await stack.stop();
  await upstream.stop();
});

const channelPosts = () => fake.requests.filter((r) => r.method === "POST" && r.path === `/channels/${IDS.channelId}/messages`);

describe("announcements through Discord, from /subscribe to the channel", () => {
  it("refuses /subscribe to a member, privately, and subscribes for a server manager", async () => {
    const refused = await fake.interact(commandInteraction("subscribe", [], { admin: false }));
    expect(refused.body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(JSON.stringify(refused.body.data)).toContain("/subscribe is for admins only.");
    expect(services.store.subscriptions.all()).toEqual([]);

    const accepted = await fake.interact(commandInteraction("subscribe", [option("tag", "resource-scheduling")], { admin: true }));
    expect(JSON.stringify(accepted.body.data)).toContain("Announcements on for this channel: tag resource-scheduling");
    expect(services.store.subscriptions.get("discord", IDS.channelId)).toMatchObject({ status: "active", filter: { tag: "resource-scheduling" } });
  });

  it("posts a new paper the channel's filter lets through exactly once, with its nonce, and /why says when", async () => {
    await fake.interact(commandInteraction("subscribe", [option("tag", "resource-scheduling")], { admin: true }));
    await services.sync.run();
    upstream.serve(versionTwo());

    const synced = await fake.interact(commandInteraction("sync", [], { admin: true }));
    expect(synced.body.type).toBe(5);
    await waitFor(() => fake.requests.some((r) => r.method === "PATCH" && r.path.endsWith("/messages/@original")), "the edited /sync answer");
    const edited = fake.requests.find((r) => r.method === "PATCH" && r.path.endsWith("/messages/@original"));
    expect(JSON.stringify(edited?.body)).toContain("3 added, 1 changed, 0 removed");

    await services.deliverer.deliverDue();
    await services.deliverer.deliverDue();
    expect(channelPosts()).toHaveLength(1);
    const [post] = channelPosts();
    expect(post?.body).toMatchObject({ enforce_nonce: true, allowed_mentions: { parse: [] }, embeds: [{ title: "New: FlexServe" }] });
    expect(String(post?.body.nonce)).toMatch(/^[0-9a-f]{25}$/);
    expect(services.store.outbox.counts()).toMatchObject({ sent: 1, pending: 0 });

    const why = await fake.interact(commandInteraction("why", [option("paper", "FlexServe")]));
    expect(JSON.stringify(why.body.data)).toContain("its addition was announced here on");
  });

  it("marks a delivery to a deleted channel failed with Discord's reason", async () => {
    services.store.subscriptions.subscribe("discord", "599999999999999999", {}, "test", new Date().toISOString());
    await services.sync.run();
    upstream.serve(versionTwo());
    await services.sync.run();
    await services.deliverer.deliverDue();
    const failed = services.store.outbox.forChannel("discord", "599999999999999999").filter((r) => r.status === "failed");
    expect(failed.length).toBeGreaterThan(0);
    for (const row of failed) expect(row.lastError).toMatch(/^Unknown Channel/);
  });
});
