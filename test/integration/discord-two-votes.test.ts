import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Services } from "../../src/services.js";
import { waitFor } from "../discord/bot-harness.js";
import { startDiscordStack, type DiscordStack } from "../helpers/platform-stacks.js";
import { type FakeDiscord, IDS, messageObject, type Recorded } from "../fakes/discord/fake-discord.js";
import { buttonInteraction, commandInteraction, option } from "../fakes/discord/payloads.js";
import { bundledText, testServices } from "../helpers/bundled.js";
import { TestClock } from "../helpers/clock.js";

const DAY = 86_400_000;
let fake: FakeDiscord;
let stack: DiscordStack;
let services: Services;

beforeEach(async () => {
  const clock = new TestClock(Date.parse("2026-11-28T12:00:00Z"));
  services = testServices(bundledText(), { now: clock.now, reading: { postLeadMs: 3 * DAY } });
  stack = await startDiscordStack(services);
  ({ fake } = stack);
});
afterEach(async () => {
  await stack.stop();
});

const text = (r: Recorded) => JSON.stringify(r.body.data);
const admin = async (name: string, ...options: ReturnType<typeof option>[]) => text(await fake.interact(commandInteraction(name, options, { admin: true })));
const polls = () => fake.posted.filter((p) => JSON.stringify(p.body.embeds).includes("Vote for the paper"));
const pollButtons = (poll: Recorded) => (poll.body.components as Array<{ components: Array<{ label: string; custom_id: string }> }>).flatMap((r) => r.components);

describe("two votes through Discord", () => {
  it("the second vote does not offer what the first offers, and a close leaves another week's assignment in place, saying so in the channel", async () => {
    await admin("reading channel");
    for (const paper of ["AlpaServe", "Shepherd"]) await admin("reading queue add", option("paper", paper));
    expect(await admin("reading vote", option("week", "2026-12-14"))).toContain("Vote open for Mon 14 Dec 2026, 09:00 (UTC) (2026-W51) until Sun 13 Dec 2026, 09:00 (UTC): AlpaServe, Shepherd;");
    expect(await admin("reading vote", option("week", "2026-12-21"))).toContain("Every paper of the group queue is taken by another week: AlpaServe (offered in the open vote for Mon 14 Dec 2026, 09:00 (UTC))");
    expect(services.store.reading.polls.get("2026-12-21")).toBeUndefined();

    // The first vote ends with Shepherd; only then may a vote on 21 Dec offer AlpaServe, never Shepherd.
    await services.deliverer.deliverDue();
    await waitFor(() => polls().length === 1, "the first poll");
    const first = polls()[0] as Recorded;
    const shepherd = pollButtons(first).find((b) => b.label === "Shepherd")?.custom_id as string;
    await fake.interact(buttonInteraction(shepherd, { ...messageObject(IDS.channelId, first.body), id: first.messageId as string }, { userId: "600000000000000021" }));
    expect(await admin("reading vote", option("week", "2026-12-14"), option("close", true))).toContain("Shepherd wins with 1 of 1 vote");
    expect(await admin("reading vote", option("week", "2026-12-21"))).toContain("(2026-W52) until Sun 20 Dec 2026, 09:00 (UTC): AlpaServe;");

    // An admin assigns AlpaServe to 14 Dec meanwhile: the vote on 21 Dec cannot take it away.
    await services.deliverer.deliverDue();
    await waitFor(() => polls().length === 2, "the second poll");
    const second = polls()[1] as Recorded;
    const alpaserve = pollButtons(second).find((b) => b.label === "AlpaServe")?.custom_id as string;
    await fake.interact(buttonInteraction(alpaserve, { ...messageObject(IDS.channelId, second.body), id: second.messageId as string }, { userId: "600000000000000022" }));
    expect(await admin("reading assign", option("paper", "AlpaServe"), option("week", "2026-12-14"))).toContain("AlpaServe is assigned to Mon 14 Dec 2026");
    await admin("reading vote", option("week", "2026-12-21"), option("close", true));
    await services.deliverer.deliverDue();
    await waitFor(() => fake.posted.some((p) => JSON.stringify(p.body.embeds).includes("The vote for Mon 21 Dec")), "the second result");
    const result = fake.posted.find((p) => JSON.stringify(p.body.embeds).includes("The vote for Mon 21 Dec")) as Recorded;
    expect(result.path).toBe(`/channels/${IDS.channelId}/messages`);
    expect(JSON.stringify(result.body.embeds)).toContain(
      "AlpaServe has 1 but stays assigned to Mon 14 Dec 2026, 09:00 (UTC); no other paper got a vote, so the rotation decides the paper.",
    );
    expect(services.store.reading.sessions.overrides().filter((o) => o.kind === "assign")).toEqual([expect.objectContaining({ date: "2026-12-14", paperId: "alpaserve" })]);
  });
});
