import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readingJob } from "../../src/reading/reading-job.js";
import { reminderJob } from "../../src/reading/reminders.js";
import type { Services } from "../../src/services.js";
import { waitFor } from "../discord/bot-harness.js";
import { startDiscordStack, type DiscordStack } from "../helpers/platform-stacks.js";
import { type FakeDiscord, IDS } from "../fakes/discord/fake-discord.js";
import { commandInteraction, option } from "../fakes/discord/payloads.js";
import { bundledText, testServices } from "../helpers/bundled.js";
import { TestClock } from "../helpers/clock.js";

const PRESENTER = "600000000000000077";
let fake: FakeDiscord;
let stack: DiscordStack;
let services: Services;
let clock: TestClock;

beforeEach(async () => {
  clock = new TestClock(Date.parse("2026-11-28T12:00:00Z"));
  services = testServices(bundledText(), { now: clock.now });
  stack = await startDiscordStack(services);
  ({ fake } = stack);
});
afterEach(async () => {
  await stack.stop();
});

const channelPosts = () => fake.requests.filter((r) => r.method === "POST" && r.path === `/channels/${IDS.channelId}/messages`);
const answer = (reply: { body: { data: unknown } }) => JSON.stringify(reply.body.data);

describe("the reading group through Discord, from /reading channel to the weekly post", () => {
  it("links a presenter with a user option, previews the session and posts it once, mentioning only them", async () => {
    expect(answer(await fake.interact(commandInteraction("reading channel", [], { admin: true })))).toContain("Weekly reading-group sessions are posted in this channel");
    const linked = await fake.interact(commandInteraction("reading link", [option("reporter", "xiaokai"), { name: "user", type: 6, value: PRESENTER }], { admin: true }));
    expect(answer(linked)).toContain(`XiaoKai is linked to discord user ${PRESENTER}`);
    const refused = await fake.interact(commandInteraction("reading skip", [], { admin: false }));
    expect(answer(refused)).toContain("/reading skip is for admins only.");

    const preview = await fake.interact(commandInteraction("reading next"));
    expect(answer(preview)).toContain("SpotServe");
    expect(preview.body.data).toMatchObject({ allowed_mentions: { parse: [] } });

    const job = readingJob(services, "0 9 * * 1");
    await job.run();
    clock.advance(Date.parse("2026-11-30T09:00:00Z") - clock.now().getTime());
    await job.run();
    await services.deliverer.deliverDue();
    await job.run();
    await services.deliverer.deliverDue();
    await waitFor(() => channelPosts().length >= 1, "the weekly post");
    expect(channelPosts()).toHaveLength(1);
    const [post] = channelPosts();
    expect(post?.body).toMatchObject({ content: `📖 Reading group 2026-W49 — <@${PRESENTER}>`, allowed_mentions: { parse: [], users: [PRESENTER] }, enforce_nonce: true });
    expect(JSON.stringify(post?.body.embeds)).toContain("SpotServe");
    // The discussion thread: started once on the post, named after the session, its first message inside it.
    const postId = post?.messageId as string;
    expect(fake.threads).toEqual(new Map([[postId, "2026-W49 · SpotServe · XiaoKai"]]));
    const opened = fake.requests.filter((r) => r.method === "POST" && r.path === `/channels/${IDS.channelId}/messages/${postId}/threads`);
    expect(opened.map((r) => r.body)).toEqual([{ name: "2026-W49 · SpotServe · XiaoKai", auto_archive_duration: 10080 }]);
    const inThread = () => fake.posted.filter((r) => r.path === `/channels/${postId}/messages`);
    expect(inThread().map((r) => r.body.content ?? JSON.stringify(r.body.embeds))).toEqual([expect.stringContaining("Discussion of 2026-W49 · SpotServe · XiaoKai")]);
    expect(services.store.outbox.counts()).toMatchObject({ sent: 2, pending: 0, failed: 0 });

    // Slides go to the same thread: the second post finds it open (160004) and creates no other.
    clock.advance(60 * 60_000);
    expect(answer(await fake.interact(commandInteraction("reading slides", [option("url", "https://example.org/spotserve.pdf")], { admin: true })))).toContain("Slides for");
    await services.deliverer.deliverDue();
    await waitFor(() => inThread().length >= 2, "the slides in the thread");
    expect(JSON.stringify(inThread()[1]?.body)).toContain("https://example.org/spotserve.pdf");
    expect(fake.threads.size).toBe(1);
    expect(channelPosts()).toHaveLength(1);
  });

  it("reminds the presenter in the reading channel and by DM, each once, across two runs of the job", async () => {
    await fake.interact(commandInteraction("reading channel", [], { admin: true }));
    await fake.interact(commandInteraction("reading link", [option("reporter", "xiaokai"), { name: "user", type: 6, value: PRESENTER }], { admin: true }));
    const remind = reminderJob(services);
    for (let i = 0; i < 2; i++) {
      await remind.run();
      await services.deliverer.deliverDue();
    }
    const dm = fake.dmChannels.get(PRESENTER);
    expect(dm).toBeDefined();
    expect(fake.requests.filter((r) => r.method === "POST" && r.path === "/users/@me/channels").map((r) => r.body)).toEqual([{ recipient_id: PRESENTER }]);
    expect(fake.posted.map((r) => r.path)).toEqual([`/channels/${IDS.channelId}/messages`, `/channels/${dm}/messages`]);
    for (const post of fake.posted) {
      expect(post.body).toMatchObject({ content: `📖 Reminder: reading group 2026-W49 starts in 2 days — <@${PRESENTER}>`, allowed_mentions: { parse: [], users: [PRESENTER] } });
      expect(JSON.stringify(post.body.embeds)).toContain("SpotServe");
    }
  });
});
