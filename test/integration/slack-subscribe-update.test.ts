import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Services } from "../../src/services.js";
import type { FakeSlack } from "../fakes/slack/fake-slack.js";
import { servedBundledList, startSlackStack, type SlackStack } from "../helpers/platform-stacks.js";
import type { FakeUpstream } from "../fakes/upstream-server.js";
import { bundledText } from "../helpers/bundled.js";
import { addRow, newRow } from "../helpers/versions.js";

let fake: FakeSlack;
let upstream: FakeUpstream;
let services: Services;
let stack: SlackStack;

beforeEach(async () => {
  ({ upstream, services } = await servedBundledList());
  stack = await startSlackStack(services);
  ({ fake } = stack);
});
afterEach(async () => {
  await stack.stop();
  await upstream.stop();
});

const mss = (text: string) => stack.mss(text);

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
