import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { FakeSlack } from "../fakes/slack/fake-slack.js";
import { formBody, postSigned, slashCommand } from "../fakes/slack/signed-request.js";
import { startSlackBot, type RunningBot } from "../fakes/slack/slack-bot.js";
import { testServices } from "../helpers/bundled.js";
import { buildList, row } from "../helpers/list-builder.js";
import { textObjects } from "./slack-payload.js";

// An upstream edit trying to ping the channel, mention a user and bold a name; the
// markdown entities and escapes make the parsed list hold exactly <!channel>, <@U123>, <!here>, *hzq*.
const HOSTILE_LIST = buildList([
  row("<!channel> Serve", { reporter: "&lt;@U123&gt;", venue: "&lt;!here&gt;" }),
  row("Quiet", { reporter: "\\*hzq\\*" }),
]);

let fake: FakeSlack;
let bot: RunningBot;

beforeEach(async () => {
  fake = await new FakeSlack().start();
  bot = await startSlackBot(fake, { services: testServices(HOSTILE_LIST) });
  await vi.waitFor(() => expect(bot.adapter.status().ready).toBe(true), { timeout: 10_000 });
});

afterEach(async () => {
  await bot.adapter.stop();
  await fake.close();
});

const ask = async (command: string, text: string) => {
  const answer = await postSigned(bot.eventsUrl, formBody(slashCommand({ command, text, responseUrl: fake.responseUrl() })));
  expect(answer.status).toBe(200);
  const body = answer.json() as { text: string };
  return { fallback: body.text, mrkdwn: textObjects(body).filter((t) => t.type === "mrkdwn").map((t) => t.text) };
};

describe("Slack: upstream text arrives escaped", () => {
  it("a paper named <!channel> reported by <@U123> can neither ping nor mention", async () => {
    const { fallback, mrkdwn } = await ask("/paper", "channel serve");
    for (const text of [fallback, ...mrkdwn]) {
      expect(text).not.toContain("<!channel>");
      expect(text).not.toContain("<@U123>");
      expect(text).not.toContain("<!here>");
    }
    expect(fallback).toBe("&lt;!channel&gt; Serve (&lt;!here&gt; 2023)");
    expect(mrkdwn).toContain("*Reporter*\n&lt;@U123&gt;");
  });

  it("in a page of papers, formatting characters cannot bold a name", async () => {
    const { mrkdwn } = await ask("/papers", "");
    expect(mrkdwn.join("\n")).toContain("— ∗hzq∗");
    expect(mrkdwn.join("\n")).not.toContain("<!channel>");
  });
});
