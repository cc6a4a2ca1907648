import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { readingJob } from "../../src/reading/reading-job.js";
import type { Services } from "../../src/services.js";
import type { FakeSlack } from "../fakes/slack/fake-slack.js";
import { startSlackStack, type SlackStack } from "../helpers/platform-stacks.js";
import { buttonClick, formBody, interactionBody, postSigned, slashCommand } from "../fakes/slack/signed-request.js";
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

type Button = { action_id: string; value: string; text: { text: string } };
const rsvpButtons = (blocks: unknown): Button[] =>
  (blocks as Array<{ type: string; elements?: Button[] }>).filter((b) => b.type === "actions").flatMap((b) => b.elements ?? []).filter((b) => b.value?.startsWith("reading rsvp?"));
const deliver = async () => {
  await services.deliverer.deliverDue();
  await services.deliverer.deliverDue();
};

async function click(button: Button, userId: string): Promise<string> {
  const url = fake.responseUrl();
  const ack = await postSigned(bot.eventsUrl, interactionBody(buttonClick({ actionId: button.action_id, value: button.value, responseUrl: url, userId, ephemeral: false })));
  expect(ack.status).toBe(200);
  await vi.waitFor(() => expect(fake.responsesTo(url).length).toBeGreaterThan(0), { timeout: 10_000 });
  return JSON.stringify(fake.responsesTo(url)[0]);
}

describe("RSVPs on the weekly post, through Slack", () => {
  it("counts three users' answers, one changed, on the post by chat.update", async () => {
    const answer = await postSigned(bot.eventsUrl, formBody(slashCommand({ command: "/reading", text: "channel", responseUrl: fake.responseUrl(), userId: "U0ADMIN", channelId: "C0READING" })));
    expect(answer.status).toBe(200);
    await readingJob(services, "* * * * *").run();
    await deliver();
    const post = fake.posted.find((m) => (m.metadata as { event_payload: { key: string } }).event_payload.key === "reading|2026-11-30|slack:C0READING");
    const [going, notGoing] = rsvpButtons(post?.blocks) as [Button, Button];
    expect([going.text.text, notGoing.text.text]).toEqual(["Going (0)", "Can't make it (0)"]);

    expect(await click(going, "U0ANN")).toContain("Going: 1; can't make it: 0.");
    await deliver();
    expect(await click(going, "U0BEN")).toContain("Going: 2; can't make it: 0.");
    expect(await click(notGoing, "U0CAL")).toContain("Going: 2; can't make it: 1.");
    expect(await click(notGoing, "U0BEN")).toContain("(changed from \\\"Going\\\"). Going: 1; can't make it: 2.");
    clock.advance(10_000);
    await deliver();

    expect(fake.updates.map((u) => [u.ts === post?.ts, ...rsvpButtons(u.blocks).map((b) => b.text.text)])).toEqual([
      [true, "Going (1)", "Can't make it (0)"],
      [true, "Going (1)", "Can't make it (2)"],
    ]);
    // The message itself now shows the counts; nothing new was posted in the channel.
    expect(rsvpButtons(post?.blocks).map((b) => b.text.text)).toEqual(["Going (1)", "Can't make it (2)"]);
    expect(fake.posted.filter((m) => m.thread_ts === undefined)).toHaveLength(1);
  });
});
