import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import type { DiscordAdapter } from "../../adapters/discord/discord-adapter.js";
import { voteJob } from "../../src/reading/vote.js";
import type { Services } from "../../src/services.js";
import { startBot, waitFor } from "../discord/bot-harness.js";
import { FakeDiscord, IDS, messageObject, type Recorded } from "../fakes/discord/fake-discord.js";
import { buttonInteraction, commandInteraction, option } from "../fakes/discord/payloads.js";
import { bundledText, testServices } from "../helpers/bundled.js";
import { TestClock } from "../helpers/clock.js";
import { removeTempDir, tempDir } from "../helpers/temp-dir.js";

const DAY = 86_400_000;
const dir = tempDir("mss-discord-vote-");
afterAll(() => removeTempDir(dir));

let fake: FakeDiscord | undefined;
let running: { bot: DiscordAdapter; services: Services } | undefined;
afterEach(async () => {
  await stop();
  await fake?.stop();
});

async function start(clock: TestClock) {
  const services = testServices(bundledText(), { now: clock.now, dbPath: join(dir, "bot.db"), reading: { postLeadMs: 3 * DAY } });
  const bot = await startBot(fake as FakeDiscord, { services, settings: services.store.settings });
  services.deliverer.register(bot.announcer);
  running = { bot, services };
  return running;
}
async function stop() {
  if (!running) return;
  await running.services.deliverer.stop();
  await running.bot.stop();
  running.services.store.close();
  running = undefined;
}
const text = (r: Recorded) => JSON.stringify(r.body.data);

describe("a vote on the next paper, through Discord", () => {
  it("takes three voters (one changing after a restart), closes at its deadline and assigns the winner before the post", async () => {
    fake = await FakeDiscord.start();
    const clock = new TestClock(Date.parse("2026-11-28T12:00:00Z"));
    await start(clock);
    await fake.interact(commandInteraction("reading channel", [], { admin: true }));
    for (const paper of ["Hyrax", "AlpaServe"]) expect(text(await fake.interact(commandInteraction("reading queue add", [option("paper", paper)])))).toContain("is in the group queue");
    // A vote on the session of 14 Dec closing in 2 days, long before that week's post (11 Dec).
    const opened = await fake.interact(commandInteraction("reading vote", [option("week", "2026-W51"), option("hours", 48)], { admin: true }));
    expect(text(opened)).toContain("Vote open for Mon 14 Dec 2026, 09:00 (UTC) (2026-W51) until Mon 30 Nov 2026, 12:00 (UTC): Hyrax, AlpaServe");
    await running?.services.deliverer.deliverDue();
    await waitFor(() => fake?.posted.some((p) => JSON.stringify(p.body.embeds).includes("Vote for the paper")) === true, "the poll");
    const poll = fake.posted.find((p) => JSON.stringify(p.body.embeds).includes("Vote for the paper")) as Recorded;
    const ids = (poll.body.components as Array<{ components: Array<{ label: string; custom_id: string }> }>).flatMap((r) => r.components).map((c) => [c.label, c.custom_id]);
    expect(ids).toEqual([
      ["Hyrax", "a:reading ballot?paper=hyrax&week=2026-12-14"],
      ["AlpaServe", "a:reading ballot?paper=alpaserve&week=2026-12-14"],
    ]);
    const message = { ...messageObject(IDS.channelId, poll.body), id: poll.messageId as string };
    const vote = async (customId: string, userId: string) => text(await fake?.interact(buttonInteraction(customId, message, { userId })) as Recorded);
    const [hyrax, alpaserve] = ids.map(([, id]) => id as string) as [string, string];
    expect(await vote(hyrax, "600000000000000021")).toContain("Your vote for 2026-12-14: Hyrax.");
    expect(await vote(hyrax, "600000000000000022")).toContain("Your vote for 2026-12-14: Hyrax.");
    expect(await vote(alpaserve, "600000000000000023")).toContain("Your vote for 2026-12-14: AlpaServe.");

    await stop();
    clock.advance(DAY);
    await start(clock);
    expect(await vote(alpaserve, "600000000000000022")).toContain("Your vote for 2026-12-14: AlpaServe (changed from Hyrax).");
    clock.advance(Date.parse("2026-11-30T12:00:00Z") - clock.now().getTime());
    expect(await voteJob(running?.services as Services).run()).toBe("votes closed: 2026-12-14");
    await running?.services.deliverer.deliverDue();
    await waitFor(() => fake?.posted.some((p) => JSON.stringify(p.body.embeds).includes("The vote for")) === true, "the result");
    const result = fake.posted.find((p) => JSON.stringify(p.body.embeds).includes("The vote for")) as Recorded;
    expect(result.path).toBe(`/channels/${IDS.channelId}/messages`);
    expect(JSON.stringify(result.body.embeds)).toContain("AlpaServe wins with 2 of 3 votes (Hyrax 1, AlpaServe 2); it is assigned to Mon 14 Dec 2026, 09:00 (UTC).");
    const schedule = text(await fake.interact(commandInteraction("reading schedule", [option("weeks", 3)])));
    expect(schedule).toMatch(/2026-W51.*AlpaServe/);
  });
});
