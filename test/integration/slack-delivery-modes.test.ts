import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Services } from "../../src/services.js";
import { queueDueDigests } from "../../src/sync/scheduled-digest.js";
import type { FakeSlack } from "../fakes/slack/fake-slack.js";
import { servedBundledList, startSlackStack, type SlackStack } from "../helpers/platform-stacks.js";
import type { FakeUpstream } from "../fakes/upstream-server.js";
import { bundledText } from "../helpers/bundled.js";
import type { TestClock } from "../helpers/clock.js";
import { syntheticRecord, withRecords } from "../helpers/records.js";
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

/** Slack's special mentions and links as Slack would parse them: `<!…>` and `<@…>` not escaped. */
const livePings = (text: string) => [...text.matchAll(/<[!@][^>]*>/g)].map((m) => m[0]);
const twoNew = () =>
  addRow(addRow(bundledText(), "TapFinger", newRow("FlexServe", "NSDI", 2025)), "Gillis", newRow("PingServe @everyone <!channel> <!subteam^S0OTHER>", "SoCC", 2020));
type Section = { type: string; text?: { text: string } };

describe("announcement options through Slack", () => {
  it("thread:yes makes each announcement a thread root with the abstract as the first reply; mention pings only the user group", async () => {
    expect(await mss("subscribe thread:yes mention:<!subteam^S0PAPERS|@papers>")).toContain("Each post pings user group S0PAPERS.");
    await services.sync.run();
    withRecords(services, { flexserve: syntheticRecord("FlexServe: Flexible Serving") });
    upstream.serve(twoNew());
    await services.sync.run();
    for (let i = 0; i < 4; i++) await services.deliverer.deliverDue();

    const roots = fake.posted.filter((m) => m.thread_ts === undefined);
    const replies = fake.posted.filter((m) => m.thread_ts !== undefined);
    expect(roots).toHaveLength(2);
    for (const root of roots) {
      expect(String(root.text)).toMatch(/^<!subteam\^S0PAPERS> New paper on MSS-Papers/);
      expect((root.blocks as Section[])[0]).toMatchObject({ type: "section", text: { text: "<!subteam^S0PAPERS>" } });
      expect(livePings(JSON.stringify([root.text, root.blocks]))).toEqual(["<!subteam^S0PAPERS>", "<!subteam^S0PAPERS>"]);
    }
    expect(JSON.stringify(roots[1]?.blocks)).toContain("PingServe @everyone &lt;!channel&gt;");
    expect(replies.map((r) => r.thread_ts)).toEqual(roots.map((r) => r.ts));
    expect(JSON.stringify(replies[0]?.blocks)).toContain("FlexServe: Flexible Serving is a synthetic paper of the test suite.");
    expect(JSON.stringify(replies[1]?.blocks)).toContain("No abstract is known yet");
    expect(livePings(JSON.stringify(replies.map((r) => [r.text, r.blocks])))).toEqual([]);
  });

  it("a weekly digest keeps to 50 blocks and 3000 characters a section, and counts what it leaves out", async () => {
    expect(await mss("subscribe mode:weekly day:sun at:18:00 mention:S0PAPERS")).toContain("weekly on Sunday at 18:00 (UTC); the next goes out Sun 29 Nov 2026, 18:00");
    await services.sync.run();
    let text = bundledText();
    for (let i = 1; i <= 60; i++) text = addRow(text, "TapFinger", newRow(`Digest${i}Serve`));
    upstream.serve(text);
    const long = "A very long sentence about serving models that goes on and on. ".repeat(60);
    withRecords(services, Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`digest${i + 1}serve`, syntheticRecord(`Digest${i + 1}Serve`, { abstract: long })])));
    await services.sync.run();
    clock.advance(30 * 3_600_000);
    expect(queueDueDigests(services.store, "UTC", clock.now(), services.catalog.records).queued).toBe(1);
    await services.deliverer.deliverDue();
    expect(fake.posted).toHaveLength(1);
    const [digest] = fake.posted;
    const blocks = digest?.blocks as Section[];
    expect(blocks.length).toBeLessThanOrEqual(50);
    for (const block of blocks) expect(block.text?.text.length ?? 0).toBeLessThanOrEqual(3000);
    expect(String(digest?.text)).toMatch(/^<!subteam\^S0PAPERS> MSS-Papers weekly digest: 60 new papers/);
    expect(JSON.stringify(blocks)).toContain("… and 40 more");
    expect(JSON.stringify(blocks)).toContain("A very long sentence about serving models");
    expect(await mss("subscriptions")).toContain("Next digest");
  });
});
