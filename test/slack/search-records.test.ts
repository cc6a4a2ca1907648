import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { FakeSlack } from "../fakes/slack/fake-slack.js";
import { formBody, postSigned, slashCommand } from "../fakes/slack/signed-request.js";
import { startSlackBot, type RunningBot } from "../fakes/slack/slack-bot.js";
import { testServices } from "../helpers/bundled.js";
import { SEARCH_RECORDS } from "../helpers/search-records.js";
import { headerText, mrkdwnTexts } from "./slack-payload.js";

let fake: FakeSlack;
let bot: RunningBot;

beforeAll(async () => {
  fake = await new FakeSlack().start();
  const services = testServices();
  services.catalog.replaceRecords(SEARCH_RECORDS);
  bot = await startSlackBot(fake, { services });
  await vi.waitFor(() => expect(bot.adapter.status().ready).toBe(true), { timeout: 10_000 });
});
afterAll(async () => {
  await bot?.adapter.stop();
  await fake?.close();
});

const command = (name: string, text: string) => formBody(slashCommand({ command: name, text, responseUrl: fake.responseUrl() }));

describe("search with scholarly records, through Bolt", () => {
  it('filters /papers author:"Ion Stoica" (quoted, any case)', async () => {
    const answer = await postSigned(bot.eventsUrl, command("/papers", 'author:"ION stoica"'));
    expect(answer.status).toBe(200);
    const text = mrkdwnTexts(answer.json()).join("\n");
    expect(text).toMatch(/AlpaServe[\s\S]*Shepherd/);
    expect(text).not.toMatch(/SpotServe/);
  });

  it("answers /paper the Shepherd system with Shepherd's card", async () => {
    const answer = await postSigned(bot.eventsUrl, command("/paper", "the Shepherd system"));
    expect(headerText(answer.json())).toBe("Shepherd — Serving DNNs in the Wild");
  });
});
