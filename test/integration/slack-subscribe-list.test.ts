import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Services } from "../../src/services.js";
import type { FakeSlack } from "../fakes/slack/fake-slack.js";
import { startSlackStack, type SlackStack } from "../helpers/platform-stacks.js";
import { FakeUpstream } from "../fakes/upstream-server.js";
import { testServices } from "../helpers/bundled.js";
import { buildList, row } from "../helpers/list-builder.js";

let fake: FakeSlack;
let mss: FakeUpstream;
let llmsys: FakeUpstream;
let stack: SlackStack;
let services: Services;

beforeEach(async () => {
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
  stack = await startSlackStack(services);
  ({ fake } = stack);
});
afterEach(async () => {
  await stack.stop();
  await mss.stop();
  await llmsys.stop();
});

const slash = (text: string) => stack.mss(text);

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
