import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Services } from "../../src/services.js";
import type { FakeSlack } from "../fakes/slack/fake-slack.js";
import { startSlackStack, type SlackStack } from "../helpers/platform-stacks.js";
import { formBody, postSigned, slashCommand } from "../fakes/slack/signed-request.js";
import type { RunningBot } from "../fakes/slack/slack-bot.js";
import { FakeUpstream } from "../fakes/upstream-server.js";
import { bundledText, testServices } from "../helpers/bundled.js";
import { versionTwo } from "../helpers/versions.js";

let fake: FakeSlack;
let upstream: FakeUpstream;
let bot: RunningBot;
let stack: SlackStack;
let services: Services;

beforeEach(async () => {
  upstream = await new FakeUpstream().start();
  upstream.serve(bundledText());
  services = testServices(bundledText(), { upstream: { kind: "url", url: upstream.url } });
  stack = await startSlackStack(services);
  ({ fake, bot } = stack);
});
afterEach(async () => {
  await stack.stop();
  await upstream.stop();
});

const mss = async (text: string, userId: string) => {
  const answer = await postSigned(bot.eventsUrl, formBody(slashCommand({ command: "/mss", text, responseUrl: fake.responseUrl(), userId, channelId: "C0PAPERS" })));
  expect(answer.status).toBe(200);
  return JSON.stringify(answer.json());
};

describe("announcements through Slack, from /mss subscribe to the channel", () => {
  it("refuses /mss subscribe to a member and subscribes for an admin", async () => {
    expect(await mss("subscribe", "U0BOB")).toContain("/mss subscribe is for admins only.");
    expect(services.store.subscriptions.all()).toEqual([]);
    expect(await mss("subscribe venue:OSDI", "U0ADMIN")).toContain("Announcements on for this channel: venue OSDI");
    expect(services.store.subscriptions.get("slack", "C0PAPERS")).toMatchObject({ status: "active", filter: { venue: "OSDI" } });
  });

  it("posts exactly the papers the filter lets through, once each, with the outbox key in the metadata", async () => {
    await mss("subscribe venue:OSDI", "U0ADMIN");
    await services.sync.run();
    upstream.serve(versionTwo());
    await services.sync.run();
    await services.deliverer.deliverDue();
    await services.deliverer.deliverDue();
    expect(fake.posted.map((m) => m.channel)).toEqual(["C0PAPERS", "C0PAPERS"]);
    expect(fake.posted.map((m) => String(m.text))).toEqual([expect.stringContaining("Atom"), expect.stringContaining("ZipServe")]);
    const keys = fake.posted.map((m) => (m.metadata as { event_payload: { key: string } }).event_payload.key);
    expect(keys).toEqual(services.store.outbox.recent().filter((r) => r.status === "sent").map((r) => r.key).reverse());
    expect(await mss("subscriptions", "U0BOB")).toContain("Last delivery");
  });
});
