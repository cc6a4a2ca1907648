import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ALL_COMMANDS, createRegistry } from "../../src/commands/all.js";
import { paperCommand } from "../../src/commands/paper.js";
import type { Services } from "../../src/services.js";
import { FakeSlack } from "../fakes/slack/fake-slack.js";
import { buttonClick, formBody, interactionBody, postSigned, sign, slashCommand, SIGNING_SECRET } from "../fakes/slack/signed-request.js";
import { startSlackBot, type RunningBot } from "../fakes/slack/slack-bot.js";
import { testServices } from "../helpers/bundled.js";
import { button, headerText, mrkdwnTexts, textObjects, type Json } from "./slack-payload.js";

let fake: FakeSlack;
let bot: RunningBot;
let paperRuns = 0;

/** The bundled list, with /paper counting its runs (to prove a rejected request never reaches a handler). */
function countingServices(): Services {
  const counting = { ...paperCommand, run: (...args: Parameters<typeof paperCommand.run>) => (paperRuns++, paperCommand.run(...args)) };
  return { ...testServices(), commands: createRegistry(ALL_COMMANDS.map((c) => (c.name === "paper" ? counting : c))) };
}

beforeEach(async () => {
  paperRuns = 0;
  fake = await new FakeSlack().start();
  bot = await startSlackBot(fake, { services: countingServices() });
  await vi.waitFor(() => expect(bot.adapter.status().ready).toBe(true), { timeout: 10_000 });
});

afterEach(async () => {
  await bot.adapter.stop();
  await fake.close();
});

const command = (name: string, text: string, responseUrl = fake.responseUrl()) => formBody(slashCommand({ command: name, text, responseUrl }));
const click = (actionId: string, value: string, responseUrl: string, ephemeral = true) =>
  postSigned(bot.eventsUrl, interactionBody(buttonClick({ actionId, value, responseUrl, ephemeral })));

async function responded(responseUrl: string, count = 1): Promise<Json[]> {
  await vi.waitFor(() => expect(fake.responsesTo(responseUrl).length).toBeGreaterThanOrEqual(count), { timeout: 10_000 });
  return fake.responsesTo(responseUrl);
}

describe("Slack over HTTP: signed slash commands", () => {
  it("answers a correctly signed /paper AlpaServe with AlpaServe's card in the acknowledgement", async () => {
    const answer = await postSigned(bot.eventsUrl, command("/paper", "AlpaServe"));
    expect(answer.status).toBe(200);
    const body = answer.json();
    expect(body).toMatchObject({ response_type: "ephemeral", text: "AlpaServe (OSDI 2023)" });
    expect(headerText(body)).toBe("AlpaServe");
    expect(mrkdwnTexts(body)).toEqual(expect.arrayContaining(["*Venue*\nOSDI", "*Year*\n2023", "*Reporter*\nXiaoKai"]));
    expect(button(body, "Paper").url).toBe("https://www.usenix.org/system/files/osdi23-li-zhuohan.pdf");
    expect(button(body, "Share in channel").value).toBe("paper?query=alpaserve");
    expect(paperRuns).toBe(1);
  });

  it("rejects a tampered signature with 401 and never runs the command", async () => {
    const body = command("/paper", "AlpaServe");
    const timestamp = Math.floor(Date.now() / 1000);
    const forged = await postSigned(bot.eventsUrl, body, { timestamp, signature: sign(SIGNING_SECRET, timestamp, body.replace("AlpaServe", "SpotServe")) });
    const wrongSecret = await postSigned(bot.eventsUrl, body, { secret: "not-the-signing-secret" });
    expect([forged.status, wrongSecret.status]).toEqual([401, 401]);
    expect(paperRuns).toBe(0);
  });

  it("rejects a stale timestamp (a replay) with 401 and never runs the command", async () => {
    const stale = await postSigned(bot.eventsUrl, command("/paper", "AlpaServe"), { timestamp: Math.floor(Date.now() / 1000) - 10 * 60 });
    expect(stale.status).toBe(401);
    expect(paperRuns).toBe(0);
  });

  it("gives the usage line for text the command cannot take", async () => {
    const badYear = (await postSigned(bot.eventsUrl, command("/papers", "year:1066"))).json();
    expect(textObjects(badYear).map((t) => t.text).join("\n")).toMatch(/\/papers: year: must be a year like 2023[\s\S]*Usage: \/papers \[venue:VENUE\] \[year:YEAR\]/);
    const unknown = (await postSigned(bot.eventsUrl, command("/papers", "colour:blue"))).json();
    expect(textObjects(unknown).map((t) => t.text).join("\n")).toContain('/papers: unknown option "colour".');
  });

  it("takes quoted values and /mss subcommands, and /mss alone is help", async () => {
    const quoted = (await postSigned(bot.eventsUrl, command("/paper", '"Spot Serve"'))).json();
    expect(headerText(quoted)).toBe("SpotServe");
    expect(headerText((await postSigned(bot.eventsUrl, command("/mss", "software"))).json())).toBe("Software suite");
    const help = (await postSigned(bot.eventsUrl, command("/mss", ""))).json();
    expect(headerText(help)).toBe("mss-bot commands");
    expect(mrkdwnTexts(help).join("\n")).toContain("/mss stats");
    expect(headerText((await postSigned(bot.eventsUrl, command("/mss", "help"))).json())).toBe("mss-bot commands");
  });
});

describe("Slack over HTTP: buttons", () => {
  it("pages /papers with Next, whose state lives in the button value", async () => {
    const page2 = (await postSigned(bot.eventsUrl, command("/papers", "page:2"))).json();
    expect(mrkdwnTexts(page2)).toContain("25 papers · page 2 of 3");
    expect(button(page2, "Previous").value).toBe("papers?page=1");
    const next = button(page2, "Next");
    expect(next.value).toBe("papers?page=3");

    const url = fake.responseUrl();
    const ack = await click(next.actionId, next.value ?? "", url);
    expect(ack.status).toBe(200);
    const [page3] = await responded(url);
    expect(page3).toMatchObject({ response_type: "ephemeral", replace_original: true });
    expect(mrkdwnTexts(page3)).toContain("25 papers · page 3 of 3");
  });

  it("keeps a Next button working after the bot restarts", async () => {
    const page1 = (await postSigned(bot.eventsUrl, command("/papers", "year:2023"))).json();
    const next = button(page1, "Next");
    expect(next.value).toBe("papers?year=2023&page=2");

    await bot.adapter.stop();
    bot = await startSlackBot(fake, { services: countingServices() });
    await vi.waitFor(() => expect(bot.adapter.status().ready).toBe(true), { timeout: 10_000 });

    const url = fake.responseUrl();
    await click(next.actionId, next.value ?? "", url);
    const [page2] = await responded(url);
    expect(mrkdwnTexts(page2)).toContain("18 papers · page 2 of 2");
    expect(headerText(page2)).toBe("Papers: year 2023");
  });

  it("shows a pick-list as buttons, and clicking one shows that paper", async () => {
    const choices = (await postSigned(bot.eventsUrl, command("/paper", "serve"))).json();
    expect(mrkdwnTexts(choices)[0]).toBe('2 papers match "serve". Pick one:');
    const url = fake.responseUrl();
    const show = button(choices, "Show");
    await click(show.actionId, show.value ?? "", url);
    const [card] = await responded(url);
    expect(headerText(card)).toBe("SpotServe");
    expect(card).toMatchObject({ replace_original: true });
  });

  it("shares a card in the channel with Share, then removes the private copy", async () => {
    const card = (await postSigned(bot.eventsUrl, command("/paper", "AlpaServe"))).json();
    const share = button(card, "Share in channel");
    const url = fake.responseUrl();
    await click(share.actionId, share.value ?? "", url);
    const [shared, removal] = await responded(url, 2);
    expect(shared).toMatchObject({ response_type: "in_channel", replace_original: false, text: "AlpaServe (OSDI 2023)" });
    expect(headerText(shared)).toBe("AlpaServe");
    expect(mrkdwnTexts(shared)).toContain("Shared by <@U0ALICE>");
    expect(() => button(shared, "Share")).toThrow();
    expect(removal).toEqual({ delete_original: true });
  });

  it("acknowledges a click on a link button (Slack reports those too) without answering it", async () => {
    const card = (await postSigned(bot.eventsUrl, command("/paper", "AlpaServe"))).json();
    const url = fake.responseUrl();
    const paper = button(card, "Paper");
    const ack = await postSigned(bot.eventsUrl, interactionBody(buttonClick({ actionId: paper.actionId, value: "", responseUrl: url })));
    expect(ack.status).toBe(200);
    expect(fake.responsesTo(url)).toEqual([]);
  });

  it("answers a forged or stale button value with an error, not a crash", async () => {
    const url = fake.responseUrl();
    await click("mss_run:next", "papers?page=zzz", url);
    await click("mss_run:next", "drop table", url);
    const [badPage, stale] = await responded(url, 2);
    expect(textObjects(badPage).map((t) => t.text).join("\n")).toContain("page: must be a whole number");
    expect(textObjects(stale).map((t) => t.text).join("\n")).toContain("This button no longer works.");
  });
});
