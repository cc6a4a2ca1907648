import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Services } from "../../src/services.js";
import { digestJob } from "../../src/sync/digest-job.js";
import { FakeSlack } from "../fakes/slack/fake-slack.js";
import { formBody, postSigned, slashCommand } from "../fakes/slack/signed-request.js";
import { startSlackBot, type RunningBot } from "../fakes/slack/slack-bot.js";
import { FakeUpstream } from "../fakes/upstream-server.js";
import { bundledText, testServices } from "../helpers/bundled.js";
import { TestClock } from "../helpers/clock.js";
import { addRow, newRow } from "../helpers/versions.js";

let fake: FakeSlack;
let upstream: FakeUpstream;
let bot: RunningBot;
let services: Services;
let clock: TestClock;

beforeEach(async () => {
  fake = await new FakeSlack().start();
  upstream = await new FakeUpstream().start();
  upstream.serve(bundledText());
  clock = new TestClock(Date.parse("2026-11-28T12:00:00Z"));
  services = testServices(bundledText(), { upstream: { kind: "url", url: upstream.url }, now: clock.now });
  bot = await startSlackBot(fake, { services, adminUserIds: ["U0ADMIN"] });
  await vi.waitFor(() => expect(bot.adapter.status().ready).toBe(true), { timeout: 10_000 });
  services.deliverer.register(bot.adapter.announcer);
});
afterEach(async () => {
  await bot.adapter.stop();
  await fake.close();
  await upstream.stop();
});

const mss = async (text: string) => {
  const answer = await postSigned(bot.eventsUrl, formBody(slashCommand({ command: "/mss", text, responseUrl: fake.responseUrl(), userId: "U0ADMIN", channelId: "C0PAPERS" })));
  expect(answer.status).toBe(200);
  return JSON.stringify(answer.json());
};

describe("why through Slack after a weekly digest", () => {
  it("says the paper waits for the weekly digest of its time, then that it was sent in it", async () => {
    await mss("subscribe mode:weekly day:fri at:15:00");
    await services.sync.run();
    upstream.serve(addRow(bundledText(), "TapFinger", newRow("KVServe", "NSDI", 2026)));
    await services.sync.run();
    await services.deliverer.deliverDue();
    expect(fake.posted).toHaveLength(0);

    expect(await mss("why KVServe")).toContain("its addition waits for the weekly digest of 2026-12-04 15:00 UTC");
    clock.advance(Date.parse("2026-12-04T15:00:30Z") - clock.now().getTime());
    await digestJob(services).run();
    await services.deliverer.deliverDue();
    expect(JSON.stringify(fake.posted)).toContain("weekly digest");
    expect(await mss("why KVServe")).toContain("its addition was sent in the weekly digest of 2026-12-04 15:00 UTC");
  });
});
