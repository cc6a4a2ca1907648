import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readingJob } from "../../src/reading/reading-job.js";
import type { Services } from "../../src/services.js";
import type { FakeSlack } from "../fakes/slack/fake-slack.js";
import { startSlackStack, type SlackStack } from "../helpers/platform-stacks.js";
import { formBody, postSigned, slashCommand } from "../fakes/slack/signed-request.js";
import type { RunningBot } from "../fakes/slack/slack-bot.js";
import { bundledText, testServices } from "../helpers/bundled.js";
import { TestClock } from "../helpers/clock.js";

const DAY = 86_400_000;
let fake: FakeSlack;
let bot: RunningBot;
let services: Services;
let clock: TestClock;
let stack: SlackStack;

beforeEach(async () => {
  clock = new TestClock(Date.parse("2026-11-28T12:00:00Z"));
  services = testServices(bundledText(), { now: clock.now, reading: { postLeadMs: 3 * DAY } });
  stack = await startSlackStack(services);
  ({ fake, bot } = stack);
});
afterEach(() => stack.stop());

type Button = { action_id: string; value?: string; url?: string; text: { text: string } };
const actionButtons = (blocks: unknown): Button[] => (blocks as Array<{ type: string; elements?: Button[] }>).filter((b) => b.type === "actions").flatMap((b) => b.elements ?? []);
const deliver = async () => {
  await services.deliverer.deliverDue();
  await services.deliverer.deliverDue();
};

describe("the weekly post through Slack once its session starts", () => {
  it("is updated by chat.update to drop its RSVP buttons, once", async () => {
    const answer = await postSigned(bot.eventsUrl, formBody(slashCommand({ command: "/reading", text: "channel", responseUrl: fake.responseUrl(), userId: "U0ADMIN", channelId: "C0READING" })));
    expect(answer.status).toBe(200);
    const job = readingJob(services, "* * * * *");
    await job.run();
    await deliver();
    const post = fake.posted.find((m) => (m.metadata as { event_payload: { key: string } }).event_payload.key === "reading|2026-11-30|slack:C0READING");
    expect(actionButtons(post?.blocks).filter((b) => b.value?.startsWith("reading rsvp?"))).toHaveLength(2);

    clock.advance(Date.parse("2026-11-30T09:00:00Z") - clock.now().getTime());
    await job.run();
    await deliver();
    expect(fake.updates).toHaveLength(1);
    const update = fake.updates[0];
    expect(update?.ts).toBe(post?.ts);
    expect(update?.channel).toBe("C0READING");
    expect(actionButtons(update?.blocks).filter((b) => b.value?.startsWith("reading rsvp?"))).toEqual([]);
    expect(JSON.stringify(update?.blocks)).toContain("SpotServe");
    // The message as Slack keeps it has no RSVP button left.
    expect(actionButtons(post?.blocks).filter((b) => b.value?.startsWith("reading rsvp?"))).toEqual([]);

    clock.advance(60_000);
    await job.run();
    await deliver();
    expect(fake.updates).toHaveLength(1);
  });
});
