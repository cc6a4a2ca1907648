import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { FakeSlack } from "../fakes/slack/fake-slack.js";
import { formBody, postSigned, slashCommand } from "../fakes/slack/signed-request.js";
import { startSlackBot, type RunningBot } from "../fakes/slack/slack-bot.js";
import { twoListServices } from "../helpers/two-lists.js";
import { buttons, headerText, mrkdwnTexts } from "./slack-payload.js";

let fake: FakeSlack;
let bot: RunningBot;

beforeAll(async () => {
  fake = await new FakeSlack().start();
  bot = await startSlackBot(fake, { services: twoListServices() });
  await vi.waitFor(() => expect(bot.adapter.status().ready).toBe(true), { timeout: 10_000 });
});
afterAll(async () => {
  await bot?.adapter.stop();
  await fake?.close();
});

const command = async (name: string, text: string) => (await postSigned(bot.eventsUrl, formBody(slashCommand({ command: name, text, responseUrl: fake.responseUrl() })))).json();

describe("following two lists, through Bolt", () => {
  it("names both lists on a card of a paper both hold", async () => {
    expect(mrkdwnTexts(await command("/paper", "SpotServe"))).toContain("*Lists*\nmss, llmsys");
  });

  it("shows the title and authors a list gives, when there is no record", async () => {
    const card = await command("/paper", "Perseus");
    expect(headerText(card)).toBe("Perseus — Removing Energy Bloat from Large Model Training");
    expect(mrkdwnTexts(card)).toContain("Jae-Won Chung, Yile Gu, Insu Jang et al. (6 authors)");
    expect(mrkdwnTexts(card)).toContain("*List*\nllmsys");
  });

  it("offers both papers called Atom, each labelled with its list", async () => {
    const choices = await command("/paper", "Atom");
    const lines = mrkdwnTexts(choices).filter((t) => t.includes("Atom") && !t.includes("Pick one"));
    expect(lines[0]).toContain("Atom (mss)");
    expect(lines[1]).toContain("Atom (llmsys) — Tokens Scheduled by Their Weight");
    expect(buttons(choices).map((b) => b.value)).toEqual(["paper?query=atom%40mss", "paper?query=atom%40llmsys"]);
  });

  it("takes list:llmsys as typed", async () => {
    const page = await command("/papers", "list:llmsys");
    const text = mrkdwnTexts(page).join("\n");
    expect(headerText(page)).toBe("Papers: list llmsys");
    expect(text).toContain("Perseus");
    expect(text).not.toContain("AlpaServe");
    expect(mrkdwnTexts(await command("/papers", "list:serving")).join("\n")).toContain("Lists: mss, llmsys");
  });
});
