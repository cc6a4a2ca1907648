import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readingJob } from "../../src/reading/reading-job.js";
import { reminderJob } from "../../src/reading/reminders.js";
import type { Services } from "../../src/services.js";
import type { FakeSlack } from "../fakes/slack/fake-slack.js";
import { startSlackStack, type SlackStack } from "../helpers/platform-stacks.js";
import { formBody, postSigned, slashCommand } from "../fakes/slack/signed-request.js";
import type { RunningBot } from "../fakes/slack/slack-bot.js";
import { bundledText, testServices } from "../helpers/bundled.js";
import { TestClock } from "../helpers/clock.js";

let fake: FakeSlack;
let bot: RunningBot;
let stack: SlackStack;
let services: Services;
let clock: TestClock;

beforeEach(async () => {
  clock = new TestClock(Date.parse("2026-11-28T12:00:00Z"));
  services = testServices(bundledText(), { now: clock.now, timeZone: "Europe/Berlin" });
  stack = await startSlackStack(services);
  ({ fake, bot } = stack);
});
afterEach(async () => {
  await stack.stop();
});

const reading = async (text: string, userId: string) => {
  const answer = await postSigned(bot.eventsUrl, formBody(slashCommand({ command: "/reading", text, responseUrl: fake.responseUrl(), userId, channelId: "C0READING" })));
  expect(answer.status).toBe(200);
  return JSON.stringify(answer.json());
};

describe("the reading group through Slack, from /reading channel to the weekly post", () => {
  it("links a presenter by a typed mention and posts the session once in Europe/Berlin time, mentioning them", async () => {
    expect(await reading("channel", "U0BOB")).toContain("/reading channel is for admins only.");
    expect(await reading("channel", "U0ADMIN")).toContain("Weekly reading-group sessions are posted in this channel");
    expect(await reading("link hzq <@U0HZQ|hzq>", "U0HZQ")).toContain("hzq is linked to slack user U0HZQ");
    expect(await reading("swap XiaoKai hzq", "U0ADMIN")).toContain("Swapped");
    expect(await reading("next", "U0BOB")).toContain("Cocktail");

    const job = readingJob(services, "0 9 * * 1");
    await job.run();
    clock.advance(Date.parse("2026-11-30T08:00:00Z") - clock.now().getTime()); // 09:00 in Berlin
    await job.run();
    await services.deliverer.deliverDue();
    await job.run();
    await services.deliverer.deliverDue();
    // The post, then the first reply of its thread, under it.
    expect(fake.posted.map((m) => m.channel)).toEqual(["C0READING", "C0READING"]);
    const [post, opener] = fake.posted;
    expect(post?.thread_ts).toBeUndefined();
    expect(opener?.thread_ts).toBe(post?.ts);
    expect(String(opener?.text)).toContain("Discussion of 2026-W49 · Cocktail · hzq");
    expect(JSON.stringify(post?.blocks)).toContain("<@U0HZQ>");
    expect(JSON.stringify(post?.blocks)).toContain("Mon 30 Nov 2026, 09:00 (Europe/Berlin)");
    expect((post?.metadata as { event_payload: { key: string } }).event_payload.key).toBe("reading|2026-11-30|slack:C0READING");

    // Slides by the presenter land in the same thread.
    expect(await reading("slides https://example.org/cocktail.pdf", "U0HZQ")).toContain("Slides for");
    await services.deliverer.deliverDue();
    expect(fake.posted).toHaveLength(3);
    expect(fake.posted[2]).toMatchObject({ channel: "C0READING", thread_ts: post?.ts });
    expect(String(fake.posted[2]?.text)).toContain("https://example.org/cocktail.pdf");
  });

  it("reminds the presenter in the reading channel and by DM (conversations.open), once per reminder", async () => {
    expect(await reading("channel", "U0ADMIN")).toContain("Weekly reading-group sessions are posted in this channel");
    expect(await reading("link XiaoKai <@U0XIAOKAI|xiaokai>", "U0XIAOKAI")).toContain("XiaoKai is linked to slack user U0XIAOKAI");
    const remind = reminderJob(services);
    clock.advance(Date.parse("2026-11-28T08:00:00Z") - clock.now().getTime()); // 2 days before 09:00 Berlin on Monday
    await remind.run();
    await services.deliverer.deliverDue();
    await remind.run();
    await services.deliverer.deliverDue();
    expect(fake.callsOf("conversations.open").map((c) => c.args.users)).toEqual(["U0XIAOKAI"]);
    expect(fake.posted.map((m) => m.channel)).toEqual(["C0READING", "D0XIAOKAI"]);
    for (const message of fake.posted) {
      expect(String(message.text)).toContain("Reminder: reading group 2026-W49 starts in 2 days");
      expect(JSON.stringify(message.blocks)).toContain("SpotServe");
    }
    expect((fake.posted[1]?.metadata as { event_payload: { key: string } }).event_payload.key).toBe("reading-remind|2026-11-30|2d|dm:slack:U0XIAOKAI");
  });
});
