import { afterEach, beforeEach, describe, expect, it } from "vitest";
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
let stack: SlackStack;
let services: Services;

beforeEach(async () => {
  const clock = new TestClock(Date.parse("2026-11-28T12:00:00Z"));
  services = testServices(bundledText(), { now: clock.now, reading: { postLeadMs: 3 * DAY } });
  stack = await startSlackStack(services);
  ({ fake, bot } = stack);
});
afterEach(async () => {
  await stack.stop();
});

async function reading(text: string, userId = "U0ADMIN"): Promise<string> {
  const answer = await postSigned(bot.eventsUrl, formBody(slashCommand({ command: "/reading", text, responseUrl: fake.responseUrl(), userId, channelId: "C0READING" })));
  expect(answer.status).toBe(200);
  return JSON.stringify(answer.json());
}

describe("two votes through Slack", () => {
  it("a second vote leaves out what the first offers, and closing it never moves another week's paper without saying so", async () => {
    await reading("channel");
    await reading("queue add AlpaServe");
    await reading("queue add Shepherd");
    expect(await reading("vote 2026-12-21")).toContain("AlpaServe, Shepherd;");
    expect(await reading("vote 2026-12-14")).toContain("Every paper of the group queue is taken by another week: AlpaServe (offered in the open vote for Mon 21 Dec 2026, 09:00 (UTC)), Shepherd (offered in the open vote for Mon 21 Dec 2026, 09:00 (UTC)).");

    expect(await reading("ballot paper:shepherd week:2026-12-21", "U0ANN")).toContain("Your vote for 2026-12-21: Shepherd.");
    expect(await reading("assign Shepherd week:2026-12-14")).toContain("Shepherd is assigned to Mon 14 Dec 2026");
    expect(await reading("vote 2026-12-21 close:yes")).toContain("Shepherd has 1 but stays assigned to Mon 14 Dec 2026, 09:00 (UTC)");
    await services.deliverer.deliverDue();
    const result = fake.posted.find((m) => String(m.text).includes("The vote for Mon 21 Dec"));
    expect(result?.channel).toBe("C0READING");
    expect(String(result?.text)).toContain("Shepherd has 1 but stays assigned to Mon 14 Dec 2026, 09:00 (UTC); no other paper got a vote, so the rotation decides the paper.");
    expect(services.store.reading.sessions.overrides().filter((o) => o.kind === "assign")).toEqual([expect.objectContaining({ date: "2026-12-14", paperId: "shepherd" })]);
  });
});
