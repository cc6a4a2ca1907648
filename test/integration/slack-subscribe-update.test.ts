import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Services } from "../../src/services.js";
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

beforeEach(async () => {
  fake = await new FakeSlack().start();
  upstream = await new FakeUpstream().start();
  upstream.serve(bundledText());
  const clock = new TestClock(Date.parse("2026-11-28T12:00:00Z"));
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

describe("subscribe through Slack: a delivery option alone keeps the filter", () => {
  it("mention:none after venue:OSDI keeps announcing only OSDI papers; venue:any clears the venue alone", async () => {
    expect(await mss("subscribe venue:OSDI mention:S0PAPERS")).toContain("Announcements on for this channel: venue OSDI.");
    expect(await mss("subscribe mention:none")).toContain("Announcements updated for this channel: venue OSDI. Changed: mention user group S0PAPERS → nobody.");
    await services.sync.run();
    upstream.serve(addRow(addRow(bundledText(), "TapFinger", newRow("FlexServe", "NSDI", 2025)), "Gillis", newRow("ZipServe", "OSDI", 2025)));
    await services.sync.run();
    await services.deliverer.deliverDue();
    expect(fake.posted.map((m) => String(m.text))).toEqual([expect.stringMatching(/^New paper on MSS-Papers.*ZipServe/s)]);

    expect(await mss("subscribe venue:any")).toContain("Announcements updated for this channel: every paper. Changed: venue OSDI → any.");
  });
});
