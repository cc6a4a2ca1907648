import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readingJob } from "../../src/reading/reading-job.js";
import { reminderJob } from "../../src/reading/reminders.js";
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
  // The default lead: the post goes out 3 days before the session (Monday 30 Nov, 09:00 UTC).
  services = testServices(bundledText(), { now: clock.now, reading: { postLeadMs: 3 * DAY } });
  stack = await startDiscordStack(services);
  ({ fake } = stack);
});
afterEach(async () => {
  await stack.stop();
});

const channelPosts = () => fake.posted.filter((r) => r.path === `/channels/${IDS.channelId}/messages`);
const labels = (body: Recorded["body"]) => (body.components as Array<{ components: Array<{ label: string; custom_id?: string }> }>).flatMap((row) => row.components.map((c) => c.label));
const customId = (body: Recorded["body"], label: RegExp) =>
  (body.components as Array<{ components: Array<{ label: string; custom_id?: string }> }>).flatMap((row) => row.components).find((c) => label.test(c.label))?.custom_id as string;
const deliver = async () => {
  await services.deliverer.deliverDue();
  await services.deliverer.deliverDue();
};

describe("RSVPs on the weekly post, through Discord", () => {
  it("counts three users' answers, one changed, on the post by rate-limited edits; reading rsvp lists them", async () => {
    await fake.interact(commandInteraction("reading channel", [], { admin: true }));
    await readingJob(services, "* * * * *").run();
    await deliver();
    await waitFor(() => channelPosts().length >= 1, "the weekly post");
    const post = channelPosts()[0] as Recorded;
    expect(post.body.content).toBe("📖 Reading group 2026-W49");
    expect(labels(post.body).slice(0, 2)).toEqual(["Going (0)", "Can't make it (0)"]);
    const message = { ...messageObject(IDS.channelId, post.body), id: post.messageId as string };
    const going = customId(post.body, /^Going/);
    const notGoing = customId(post.body, /^Can't/);
    expect([going, notGoing]).toEqual(["a:reading rsvp?week=2026-11-30&answer=going", "a:reading rsvp?week=2026-11-30&answer=not-going"]);

    const click = async (id: string, userId: string, name: string) => {
      const answer = await fake.interact(buttonInteraction(id, message, { userId, name }));
      expect(answer.body).toMatchObject({ type: 4, data: { flags: 64 } });
      return JSON.stringify(answer.body.data.embeds);
    };
    expect(await click(going, "600000000000000011", "Ada")).toContain("You're going to the reading group of Mon 30 Nov 2026, 09:00 (UTC) (2026-W49). Going: 1; can't make it: 0.");
    await deliver();
    expect(fake.edits.map((e) => labels(e.body).slice(0, 2))).toEqual([["Going (1)", "Can't make it (0)"]]);

    // Within 10 s of that edit: the answers wait in one coalesced edit.
    expect(await click(going, "600000000000000012", "Bo")).toContain("Going: 2; can't make it: 0.");
    expect(await click(notGoing, "600000000000000013", "Cy")).toContain("Going: 2; can't make it: 1.");
    expect(await click(notGoing, "600000000000000011", "Ada")).toContain('You can\'t make it to the reading group of Mon 30 Nov 2026, 09:00 (UTC) (2026-W49) (changed from \\"Going\\"). Going: 1; can\'t make it: 2.');
    await deliver();
    expect(fake.edits).toHaveLength(1);
    clock.advance(10_000);
    await deliver();
    expect(fake.edits.map((e) => labels(e.body).slice(0, 2))).toEqual([
      ["Going (1)", "Can't make it (0)"],
      ["Going (1)", "Can't make it (2)"],
    ]);
    expect(fake.edits.every((e) => e.method === "PATCH" && e.path === `/channels/${IDS.channelId}/messages/${post.messageId}`)).toBe(true);
    expect(fake.edits[1]?.body).toMatchObject({ content: "📖 Reading group 2026-W49", allowed_mentions: { parse: [] } });
    expect(JSON.stringify(fake.edits[1]?.body.embeds)).toContain("SpotServe");
    expect(channelPosts()).toHaveLength(1);

    const list = await fake.interact(commandInteraction("reading rsvp"));
    const listed = JSON.stringify(list.body.data);
    expect(listed).toContain("Going: 1 person");
    expect(listed).toContain("Bo (discord)");
    expect(listed).toContain("Can't make it: 2 people");
    expect(listed).toContain("Ada (discord), Cy (discord)");

    // The week goes on: the 2-day reminder lands in the post's thread; answers close when the session starts.
    clock.advance(Date.parse("2026-11-29T09:00:00Z") - clock.now().getTime());
    await reminderJob(services).run();
    await deliver();
    const thread = post.messageId as string;
    await waitFor(() => fake.posted.some((r) => r.path === `/channels/${thread}/messages` && String(r.body.content).includes("Reminder")), "the reminder in the thread");
    clock.advance(Date.parse("2026-11-30T09:00:00Z") - clock.now().getTime());
    expect(await click(going, "600000000000000014", "Di")).toContain("has started; answers closed then.");
    expect(services.store.reading.rsvps.counts("2026-11-30")).toEqual({ going: 1, "not-going": 2 });
  });
});
