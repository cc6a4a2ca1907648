import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readingJob } from "../../src/reading/reading-job.js";
import type { Services } from "../../src/services.js";
import { waitFor } from "../discord/bot-harness.js";
import { type FakeDiscord, IDS, messageObject, type Recorded } from "../fakes/discord/fake-discord.js";
import { buttonInteraction, commandInteraction } from "../fakes/discord/payloads.js";
import { bundledText, testServices } from "../helpers/bundled.js";
import { startDiscordStack, type DiscordStack } from "../helpers/platform-stacks.js";
import { TestClock } from "../helpers/clock.js";

const DAY = 86_400_000;
let fake: FakeDiscord;
let services: Services;
let stack: DiscordStack;
let clock: TestClock;

beforeEach(async () => {
  clock = new TestClock(Date.parse("2026-11-28T12:00:00Z"));
  services = testServices(bundledText(), { now: clock.now, reading: { postLeadMs: 3 * DAY } });
  stack = await startDiscordStack(services);
  ({ fake } = stack);
});
afterEach(async () => {
  await stack.stop();
});

const channelPosts = () => fake.posted.filter((r) => r.path === `/channels/${IDS.channelId}/messages`);
type Row = { components: Array<{ label: string; custom_id?: string; url?: string }> };
const buttons = (body: Recorded["body"]) => (body.components as Row[]).flatMap((row) => row.components);
const deliver = async () => {
  await services.deliverer.deliverDue();
  await services.deliverer.deliverDue();
};

describe("the weekly post through Discord once its session starts", () => {
  it("is edited to drop its RSVP buttons, keeping the session and its paper links, once", async () => {
    await fake.interact(commandInteraction("reading channel", [], { admin: true }));
    const job = readingJob(services, "* * * * *");
    await job.run();
    await deliver();
    await waitFor(() => channelPosts().length >= 1, "the weekly post");
    const post = channelPosts()[0] as Recorded;
    const going = buttons(post.body).find((b) => b.label.startsWith("Going"))?.custom_id as string;
    const message = { ...messageObject(IDS.channelId, post.body), id: post.messageId as string };
    await fake.interact(buttonInteraction(going, message, { userId: "600000000000000011", name: "Ada" }));
    await deliver();
    expect(fake.edits).toHaveLength(1);

    clock.advance(Date.parse("2026-11-30T09:00:00Z") - clock.now().getTime());
    expect(await job.run()).toContain("RSVP buttons taken off the post of 2026-11-30");
    await deliver();
    expect(fake.edits).toHaveLength(2);
    const closed = fake.edits[1] as Recorded;
    expect(closed.method).toBe("PATCH");
    expect(closed.path).toBe(`/channels/${IDS.channelId}/messages/${post.messageId}`);
    expect(closed.body.content).toBe("📖 Reading group 2026-W49");
    expect(JSON.stringify(closed.body.embeds)).toContain("SpotServe");
    // Discord keeps components a PATCH leaves out: the edit sends them, with no RSVP button left, only the paper's links.
    expect(closed.body.components).toBeDefined();
    expect(buttons(closed.body).filter((b) => b.custom_id?.includes("reading rsvp"))).toEqual([]);
    expect(buttons(closed.body).length).toBeGreaterThan(0);
    expect(buttons(closed.body).every((b) => b.url !== undefined)).toBe(true);

    clock.advance(60_000);
    expect(await job.run()).not.toContain("RSVP buttons");
    await deliver();
    expect(fake.edits).toHaveLength(2);
  });
});
