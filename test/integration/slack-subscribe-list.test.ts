import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Services } from "../../src/services.js";
import { FakeSlack } from "../fakes/slack/fake-slack.js";
import { formBody, postSigned, slashCommand } from "../fakes/slack/signed-request.js";
import { startSlackBot, type RunningBot } from "../fakes/slack/slack-bot.js";
import { FakeUpstream } from "../fakes/upstream-server.js";
import { testServices } from "../helpers/bundled.js";
import { buildList, row } from "../helpers/list-builder.js";

let fake: FakeSlack;
let mss: FakeUpstream;
let llmsys: FakeUpstream;
let bot: RunningBot;
let services: Services;

beforeEach(async () => {
  fake = await new FakeSlack().start();
  mss = await new FakeUpstream().start();
  llmsys = await new FakeUpstream().start();
  mss.serve(buildList([row("AlpaServe")]));
  llmsys.serve(buildList([row("Orca")]));
  services = testServices("", {
    lists: [
      { id: "mss", upstream: { kind: "url", url: mss.url } },
      { id: "llmsys", upstream: { kind: "url", url: llmsys.url } },
    ],
  });
  bot = await startSlackBot(fake, { services, adminUserIds: ["U0ADMIN"] });
  await vi.waitFor(() => expect(bot.adapter.status().ready).toBe(true), { timeout: 10_000 });
  services.deliverer.register(bot.adapter.announcer);
});
afterEach(async () => {
  await bot.adapter.stop();
  await fake.close();
  await mss.stop();
  await llmsys.stop();
});

const slash = async (text: string) => {
  const answer = await postSigned(bot.eventsUrl, formBody(slashCommand({ command: "/mss", text, responseUrl: fake.responseUrl(), userId: "U0ADMIN", channelId: "C0PAPERS" })));
  expect(answer.status).toBe(200);
  return JSON.stringify(answer.json());
};

describe("/mss subscribe list: through Slack", () => {
  it("follows one list: only its additions reach the channel, each naming the list; an unknown id is refused naming the followed ones", async () => {
    const unknown = await slash("subscribe list:serving");
    expect(unknown).toContain('list: no followed list is called \\"serving\\".');
    expect(unknown).toContain("Lists: mss, llmsys");
    expect(await slash("subscribe list:llmsys")).toContain("Announcements on for this channel: list llmsys.");
    expect(await slash("subscriptions")).toContain("only llmsys");

    await services.sync.runAll();
    mss.serve(buildList([row("AlpaServe"), row("FlexServe")]));
    llmsys.serve(buildList([row("Orca"), row("Perseus")]));
    await services.sync.runAll();
    for (let i = 0; i < 3; i++) await services.deliverer.deliverDue();

    const posted = fake.posted.filter((m) => m.channel === "C0PAPERS");
    expect(posted).toHaveLength(1);
    expect(String(posted[0]?.text)).toMatch(/^New paper on llmsys/);
    expect(JSON.stringify(posted[0]?.blocks)).toContain("Perseus");
    expect(JSON.stringify(posted[0]?.blocks)).not.toContain("FlexServe");

    // list:any clears it: the channel follows every list again.
    expect(await slash("subscribe list:any")).toContain("Changed: list llmsys → any.");
  });
});
