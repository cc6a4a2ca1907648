import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Services } from "../../src/services.js";
import { digestJob } from "../../src/sync/digest-job.js";
import type { FakeSlack } from "../fakes/slack/fake-slack.js";
import { servedBundledList, startSlackStack, type SlackStack } from "../helpers/platform-stacks.js";
import type { FakeUpstream } from "../fakes/upstream-server.js";
import { bundledText } from "../helpers/bundled.js";
import type { TestClock } from "../helpers/clock.js";
import { addRow, newRow } from "../helpers/versions.js";

let fake: FakeSlack;
let upstream: FakeUpstream;
let services: Services;
let clock: TestClock;
let stack: SlackStack;

beforeEach(async () => {
  ({ upstream, clock, services } = await servedBundledList());
  stack = await startSlackStack(services);
  ({ fake } = stack);
});
afterEach(async () => {
  await stack.stop();
  await upstream.stop();
});

const mss = (text: string) => stack.mss(text);

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
