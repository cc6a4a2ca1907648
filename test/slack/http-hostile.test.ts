import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ALL_COMMANDS, createRegistry } from "../../src/commands/all.js";
import { paperCommand } from "../../src/commands/paper.js";
import type { Services } from "../../src/services.js";
import { FakeSlack } from "../fakes/slack/fake-slack.js";
import { buttonClick, formBody, interactionBody, postSigned, slashCommand } from "../fakes/slack/signed-request.js";
import { startSlackBot, type RunningBot } from "../fakes/slack/slack-bot.js";
import { testServices } from "../helpers/bundled.js";
import { capturedLog } from "../helpers/captured-log.js";

let fake: FakeSlack;
let bot: RunningBot;
let paperRuns = 0;
let logs: ReturnType<typeof capturedLog>;

/** The bundled list, with /paper counting its runs (a refused request never reaches a handler). */
function countingServices(): Services {
  const counting = { ...paperCommand, run: (...args: Parameters<typeof paperCommand.run>) => (paperRuns++, paperCommand.run(...args)) };
  return { ...testServices(undefined, { log: logs.log }), commands: createRegistry(ALL_COMMANDS.map((c) => (c.name === "paper" ? counting : c))) };
}

beforeEach(async () => {
  paperRuns = 0;
  logs = capturedLog();
  fake = await new FakeSlack().start();
  bot = await startSlackBot(fake, { services: countingServices() });
  await vi.waitFor(() => expect(bot.adapter.status().ready).toBe(true), { timeout: 10_000 });
});

afterEach(async () => {
  await bot.adapter.stop();
  await fake.close();
});

const nowS = () => Math.floor(Date.now() / 1000);
/** Where refused requests would have the bot answer; nothing may arrive there (port 1 on loopback: nothing listens). */
const NOWHERE = "http://127.0.0.1:1/r";
const paperForm = (extra = "") => `${formBody(slashCommand({ command: "/paper", text: "AlpaServe", responseUrl: NOWHERE }))}${extra}`;
const refusals = () => logs.lines.filter((l) => l.msg === "slack: refused a request");
const errors = () => logs.lines.filter((l) => l.level >= 50);

describe("Slack over HTTP: requests Slack would never send", () => {
  it.each([
    ["six minutes", 6 * 60],
    ["a day", 24 * 60 * 60],
  ])("refuses a signed request timestamped %s in the future with 401, and warns once", async (_, aheadS) => {
    const answer = await postSigned(bot.eventsUrl, paperForm(), { timestamp: nowS() + aheadS });
    expect(answer.status).toBe(401);
    expect(paperRuns).toBe(0);
    expect(refusals()).toEqual([expect.objectContaining({ level: 40, status: 401, reason: expect.stringMatching(/^the request timestamp is \d+ s in the future \(more than 300 s\)$/) })]);
  });

  it("still answers a request whose clock runs a little ahead (within Slack's five minutes)", async () => {
    const answer = await postSigned(bot.eventsUrl, paperForm(), { timestamp: nowS() + 4 * 60 });
    expect(answer.status).toBe(200);
    expect(answer.json()).toMatchObject({ text: "AlpaServe (OSDI 2023)" });
    expect(paperRuns).toBe(1);
    expect(refusals()).toEqual([]);
  });

  it.each([
    ["a repeated text= field", paperForm("&text=SpotServe"), /the form repeats the field "text"/],
    ["a repeated command= field", paperForm("&command=%2Fpapers"), /the form repeats the field "command"/],
    ["a slash command without a user", formBody({ ...slashCommand({ command: "/paper", text: "AlpaServe", responseUrl: NOWHERE }), user_id: "" }), /slash command: user_id/],
    [
      "a block_actions payload without user",
      interactionBody(Object.fromEntries(Object.entries(buttonClick({ actionId: "mss_run:1", value: "paper?query=alpaserve", responseUrl: NOWHERE })).filter(([k]) => k !== "user"))),
      /block_actions payload: user/,
    ],
    ["a block_actions payload without actions", interactionBody({ ...buttonClick({ actionId: "mss_run:1", value: "x", responseUrl: NOWHERE }), actions: [] }), /block_actions payload: actions/],
    ["an interaction payload that is not JSON", "payload=%7Bnot%20json", /the interaction payload is not JSON/],
  ])("answers a signed body with %s with 400 and one warning, never a 500 or an error reply", async (_, body, reason) => {
    const answer = await postSigned(bot.eventsUrl, body);
    expect(answer.status).toBe(400);
    expect(answer.text).not.toContain("Something went wrong");
    expect(refusals()).toEqual([expect.objectContaining({ level: 40, status: 400, reason: expect.stringMatching(reason) })]);
    expect(errors()).toEqual([]);
    expect(paperRuns).toBe(0);
    expect(fake.responsesTo(NOWHERE)).toEqual([]);
  });

  it.each([
    ["JSON null", "null", "application/json", /the JSON body is null, not an object/],
    ["a JSON array", "[1,2]", "application/json", /the JSON body is an array, not an object/],
    ["an empty JSON object", "{}", "application/json", /the JSON body has no type/],
    ["an interaction type the bot does not handle", interactionBody({ type: "view_submission" }), undefined, /the interaction type "view_submission" is not one the bot handles/],
  ])("answers a signed body of %s with 400 at once and one warning: no unhandled rejection, no error line, no ack timeout", async (_, body, contentType, reason) => {
    const rejections: unknown[] = [];
    const onRejection = (reason: unknown) => void rejections.push(reason);
    process.on("unhandledRejection", onRejection);
    try {
      const answer = await postSigned(bot.eventsUrl, body, contentType ? { contentType } : {});
      expect(answer.status).toBe(400);
      // Had Bolt been left the body, its TypeError or "could not determine the type" line would be logged by now.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(refusals()).toEqual([expect.objectContaining({ level: 40, status: 400, reason: expect.stringMatching(reason) })]);
      expect(logs.lines.filter((l) => l.level >= 40)).toHaveLength(1);
      expect(errors()).toEqual([]);
      expect(rejections).toEqual([]);
    } finally {
      process.off("unhandledRejection", onRejection);
    }
  });

  it("still answers Slack's url_verification challenge", async () => {
    const answer = await postSigned(bot.eventsUrl, JSON.stringify({ type: "url_verification", token: "t", challenge: "c0ffee" }), { contentType: "application/json" });
    expect(answer.status).toBe(200);
    expect(answer.text).toContain("c0ffee");
    expect(refusals()).toEqual([]);
  });

  it("leaves unsigned requests to Bolt's own 401, without a warning of ours", async () => {
    const answer = await postSigned(bot.eventsUrl, paperForm("&text=again"), { secret: "not-the-secret", timestamp: nowS() + 24 * 60 * 60 });
    expect(answer.status).toBe(401);
    expect(refusals()).toEqual([]);
    expect(paperRuns).toBe(0);
  });
});
