import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { readingJob } from "../../src/reading/reading-job.js";
import type { Services } from "../../src/services.js";
import type { FakeSlack } from "../fakes/slack/fake-slack.js";
import { startSlackStack, type SlackStack } from "../helpers/platform-stacks.js";
import { buttonClick, formBody, interactionBody, postSigned, slashCommand } from "../fakes/slack/signed-request.js";
import type { RunningBot } from "../fakes/slack/slack-bot.js";
import { FakeUpstream } from "../fakes/upstream-server.js";
import { bundledText, testServices } from "../helpers/bundled.js";
import { TestClock } from "../helpers/clock.js";
import { alpaServeRecord, SYNTHETIC_ABSTRACT, syntheticRecord, withRecords } from "../helpers/records.js";
import { versionTwo } from "../helpers/versions.js";
import { expectWithinLimits } from "../slack/render/limits.js";
import { button, headerText, mrkdwnTexts, type Json } from "../slack/slack-payload.js";

const TITLED = "AlpaServe — Statistical Multiplexing with Model Parallelism for Deep Learning Serving";
const AUTHORS = "Zhuohan Li, Lianmin Zheng, Yinmin Zhong et al. (11 authors)";
let fake: FakeSlack;
let upstream: FakeUpstream;
let bot: RunningBot;
let stack: SlackStack;
let services: Services;
let clock: TestClock;

beforeEach(async () => {
  upstream = await new FakeUpstream().start();
  upstream.serve(bundledText());
  clock = new TestClock(Date.parse("2026-11-28T12:00:00Z"));
  services = withRecords(testServices(bundledText(), { upstream: { kind: "url", url: upstream.url }, now: clock.now }), { alpaserve: alpaServeRecord() });
  stack = await startSlackStack(services);
  ({ fake, bot } = stack);
});
afterEach(async () => {
  await stack.stop();
  await upstream.stop();
});

const slash = async (command: string, text: string, userId = "U0BOB", channelId = "C0PAPERS") => {
  const answer = await postSigned(bot.eventsUrl, formBody(slashCommand({ command, text, responseUrl: fake.responseUrl(), userId, channelId })));
  expect(answer.status).toBe(200);
  return answer.json() as Json;
};

/** Clicks a button; resolves with what the bot posted to the click's response_url. */
async function click(actionId: string, value: string, ephemeral: boolean): Promise<Json> {
  const responseUrl = fake.responseUrl();
  const answer = await postSigned(bot.eventsUrl, interactionBody(buttonClick({ actionId, value, responseUrl, ephemeral })));
  expect(answer.status).toBe(200);
  await vi.waitFor(() => expect(fake.responsesTo(responseUrl).length).toBeGreaterThanOrEqual(1), { timeout: 10_000 });
  return fake.responsesTo(responseUrl)[0] as Json;
}

describe("what the bot knows of a paper, through the real Bolt app", () => {
  it("/paper shows the full title and authors, and its Abstract button answers the whole abstract to the clicker, leaving the card", async () => {
    const card = await slash("/paper", "AlpaServe");
    expect(headerText(card)).toBe(TITLED);
    expect(mrkdwnTexts(card).join("\n")).toContain(AUTHORS);
    const abstract = button(card, "Abstract");
    expect(abstract).toMatchObject({ actionId: "mss_ask:0", value: "abstract?paper=alpaserve" });

    const answer = await click(abstract.actionId, abstract.value ?? "", true);
    expect(answer).toMatchObject({ response_type: "ephemeral", replace_original: false });
    expect(headerText(answer)).toBe(TITLED);
    expect(mrkdwnTexts(answer)).toContain(SYNTHETIC_ABSTRACT);
    expect(mrkdwnTexts(answer)).toContain("Abstract from <https://arxiv.org/abs/2302.11665|arXiv>");
  });

  it("/mss abstract answers the abstract typed too", async () => {
    const answer = await slash("/mss", "abstract AlpaServe");
    expect(mrkdwnTexts(answer)).toContain(SYNTHETIC_ABSTRACT);
  });

  it("announces a new paper with its title, authors and short abstract, and an Abstract button", async () => {
    await slash("/mss", "subscribe", "U0ADMIN");
    await services.sync.run();
    withRecords(services, { flexserve: syntheticRecord("FlexServe: A Synthetic Test Paper", { authors: ["Ada Example", "Grace Sample", "Alan Placeholder", "Edsger Stand-In"] }) });
    upstream.serve(versionTwo());
    await services.sync.run();
    await services.deliverer.deliverDue();
    const post = fake.posted.find((m) => String(m.text).includes("FlexServe"));
    const message = { text: String(post?.text), blocks: typeof post?.blocks === "string" ? JSON.parse(post.blocks) : post?.blocks };
    const texts = mrkdwnTexts(message).join("\n");
    expect(texts).toContain("FlexServe — A Synthetic Test Paper");
    expect(texts).toContain("Ada Example, Grace Sample, Alan Placeholder et al. (4 authors)");
    expect(texts).toContain("*Abstract:* FlexServe: A Synthetic Test Paper is a synthetic paper of the test suite.");
    expectWithinLimits(message);
    const abstract = button(message, "Abstract");
    const answer = await click(abstract.actionId, abstract.value ?? "", false);
    expect(answer).toMatchObject({ response_type: "ephemeral", replace_original: false });
    expect(mrkdwnTexts(answer).join("\n")).toContain("Nothing in it is real.");
  });

  it("posts the weekly reading session with the paper's title, authors and short abstract", async () => {
    withRecords(services, { spotserve: syntheticRecord("SpotServe: A Synthetic Record for the Reading Post") });
    await slash("/reading", "channel", "U0ADMIN", "C0READING");
    const job = readingJob(services, "0 9 * * 1");
    await job.run();
    clock.advance(Date.parse("2026-11-30T09:00:00Z") - clock.now().getTime());
    await job.run();
    await services.deliverer.deliverDue();
    await vi.waitFor(() => expect(fake.posted.length).toBeGreaterThanOrEqual(1), { timeout: 10_000 });
    const texts = JSON.stringify(fake.posted[0]?.blocks);
    expect(texts).toContain("SpotServe — A Synthetic Record for the Reading Post");
    expect(texts).toContain("Ada Example, Grace Sample");
    expect(texts).toContain("*Abstract:* SpotServe: A Synthetic Record for the Reading Post is a synthetic paper");
    expect(texts).toContain("abstract?paper=spotserve");
  });
});
