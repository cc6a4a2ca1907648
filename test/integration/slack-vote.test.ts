import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { readingJob } from "../../src/reading/reading-job.js";
import { voteJob } from "../../src/reading/vote.js";
import type { Services } from "../../src/services.js";
import { FakeSlack } from "../fakes/slack/fake-slack.js";
import { buttonClick, formBody, interactionBody, postSigned, slashCommand } from "../fakes/slack/signed-request.js";
import { startSlackBot, type RunningBot } from "../fakes/slack/slack-bot.js";
import { bundledText, testServices } from "../helpers/bundled.js";
import { TestClock } from "../helpers/clock.js";
import { removeTempDir, tempDir } from "../helpers/temp-dir.js";

const DAY = 86_400_000;
const dir = tempDir("mss-vote-");
afterAll(() => removeTempDir(dir));

let fake: FakeSlack | undefined;
let running: { bot: RunningBot; services: Services } | undefined;
afterEach(async () => {
  await stop();
  await fake?.close();
});

/** The bot as a process: services on the database file, Bolt against the fake; the clock survives a restart (it is the world's). */
async function start(clock: TestClock) {
  const services = testServices(bundledText(), { now: clock.now, dbPath: join(dir, "bot.db"), reading: { postLeadMs: 3 * DAY } });
  const bot = await startSlackBot(fake as FakeSlack, { services, adminUserIds: ["U0ADMIN"] });
  await vi.waitFor(() => expect(bot.adapter.status().ready).toBe(true), { timeout: 10_000 });
  services.deliverer.register(bot.adapter.announcer);
  running = { bot, services };
  return running;
}
async function stop() {
  if (!running) return;
  await running.services.deliverer.stop();
  await running.bot.adapter.stop();
  running.services.store.close();
  running = undefined;
}
const deliver = async () => {
  await running?.services.deliverer.deliverDue();
  await running?.services.deliverer.deliverDue();
};

async function slash(text: string, userId: string): Promise<string> {
  const answer = await postSigned((running as { bot: RunningBot }).bot.eventsUrl, formBody(slashCommand({ command: "/reading", text, responseUrl: (fake as FakeSlack).responseUrl(), userId, channelId: "C0READING" })));
  expect(answer.status).toBe(200);
  return JSON.stringify(answer.json());
}

/** Clicks a button of a channel message as a user; resolves with the private answer. */
async function click(button: { action_id: string; value: string }, userId: string): Promise<string> {
  const url = (fake as FakeSlack).responseUrl();
  const ack = await postSigned((running as { bot: RunningBot }).bot.eventsUrl, interactionBody(buttonClick({ actionId: button.action_id, value: button.value, responseUrl: url, userId, ephemeral: false })));
  expect(ack.status).toBe(200);
  await vi.waitFor(() => expect((fake as FakeSlack).responsesTo(url).length).toBeGreaterThan(0), { timeout: 10_000 });
  const [answer] = (fake as FakeSlack).responsesTo(url);
  expect(answer).toMatchObject({ response_type: "ephemeral", replace_original: false });
  return JSON.stringify(answer);
}

type Button = { type: string; action_id: string; value: string; text: { text: string } };
const buttonsOf = (blocks: unknown): Button[] => (blocks as Array<{ type: string; elements?: Button[] }>).filter((b) => b.type === "actions").flatMap((b) => b.elements ?? []);

describe("a vote on the next paper, through Slack", () => {
  it("takes three voters (one changing) across a restart, closes at its deadline, assigns the winner and posts the result in the thread", async () => {
    fake = await new FakeSlack().start();
    const clock = new TestClock(Date.parse("2026-11-28T12:00:00Z"));
    await start(clock);
    expect(await slash("channel", "U0ADMIN")).toContain("Weekly reading-group sessions are posted in this channel");
    for (const paper of ["ExoFlow", "Hyrax", "AlpaServe"]) expect(await slash(`queue add ${paper}`, "U0ADMIN")).toContain("is in the group queue");
    expect(await slash("vote 2026-W50", "U0BOB")).toContain("/reading vote is for admins only.");
    const opened = await slash("vote 2026-W50", "U0ADMIN");
    expect(opened).toContain("Vote open for Mon 7 Dec 2026, 09:00 (UTC) (2026-W50) until Sun 6 Dec 2026, 09:00 (UTC): ExoFlow, Hyrax, AlpaServe");
    await deliver();

    // Before the week's post the poll goes to the reading channel: a button per paper, in queue order.
    const poll = fake.posted.find((m) => String(m.text).startsWith("Vote for the paper of"));
    expect(poll?.channel).toBe("C0READING");
    const buttons = buttonsOf(poll?.blocks);
    expect(buttons.map((b) => [b.text.text, b.value])).toEqual([
      ["ExoFlow", "reading ballot?paper=exoflow&week=2026-12-07"],
      ["Hyrax", "reading ballot?paper=hyrax&week=2026-12-07"],
      ["AlpaServe", "reading ballot?paper=alpaserve&week=2026-12-07"],
    ]);
    const [exoflow, hyrax] = buttons as [Button, Button, Button];

    expect(await click(exoflow, "U0ANN")).toContain("Your vote for 2026-12-07: ExoFlow.");
    expect(await click(hyrax, "U0BEN")).toContain("Your vote for 2026-12-07: Hyrax.");
    expect(await click(hyrax, "U0CAL")).toContain("Your vote for 2026-12-07: Hyrax.");

    // A restart mid-poll: a new process on the same database; the old message's buttons still decode.
    await stop();
    clock.advance(DAY);
    await start(clock);
    expect(await click(exoflow, "U0CAL")).toContain("Your vote for 2026-12-07: ExoFlow (changed from Hyrax).");
    expect(await slash("ballot", "U0ANN")).toContain("ExoFlow: 2, Hyrax: 1, AlpaServe: 0 (open until Sun 6 Dec 2026, 09:00 (UTC))");

    // The week's post goes out 3 days before the session, with the rotation's paper.
    clock.advance(Date.parse("2026-12-04T09:00:00Z") - clock.now().getTime());
    await readingJob(running?.services as Services, "* * * * *").run();
    await deliver();
    const post = fake.posted.find((m) => (m.metadata as { event_payload: { key: string } }).event_payload.key === "reading|2026-12-07|slack:C0READING");
    expect(post).toBeDefined();
    expect(JSON.stringify(post?.blocks)).not.toContain("ExoFlow");

    // Not yet closed just before the deadline; closed by the job at it.
    const vote = voteJob(running?.services as Services);
    clock.advance(Date.parse("2026-12-06T08:59:00Z") - clock.now().getTime());
    expect(await vote.run()).toBe("no vote due");
    clock.advance(60_000);
    expect(await vote.run()).toBe("votes closed: 2026-12-07");
    clock.advance(10_000);
    await deliver();
    expect(await vote.run()).toBe("no vote due");

    const result = fake.posted.find((m) => String(m.text).startsWith("The vote for"));
    expect(result).toMatchObject({ channel: "C0READING", thread_ts: post?.ts });
    expect(String(result?.text)).toBe(
      "The vote for Mon 7 Dec 2026, 09:00 (UTC) (2026-W50) is closed: ExoFlow wins with 2 of 3 votes (ExoFlow 2, Hyrax 1, AlpaServe 0); the session's post now shows it in place of SpotServe.",
    );
    // The post was edited in place (chat.update) to the winner, with its RSVP buttons.
    const update = fake.updates.filter((u) => u.ts === post?.ts).at(-1);
    expect(JSON.stringify(update?.blocks)).toContain("ExoFlow");
    expect(JSON.stringify(update?.blocks)).toContain("The group chose the paper by vote.");
    expect(buttonsOf(update?.blocks).filter((b) => b.action_id.startsWith("mss_ask:act")).map((b) => b.text.text)).toEqual(["Going (0)", "Can't make it (0)"]);
    expect(running?.services.store.reading.sessions.get("2026-12-07")).toMatchObject({ paperId: "exoflow", paperName: "ExoFlow", outcome: "pending" });
    expect(await slash("next", "U0ANN")).toContain("ExoFlow");
    expect(await click(hyrax, "U0ANN")).toContain("This vote is closed.");
    // The poll's message says so, its buttons gone.
    const pollUpdate = fake.updates.find((u) => u.ts === poll?.ts);
    expect(String(pollUpdate?.text)).toMatch(/Closed: ExoFlow won\.$/);
    expect(buttonsOf(pollUpdate?.blocks)).toEqual([]);
  });
});
