import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { pngHeader } from "../charts/png-header.js";
import { FakeSlack } from "../fakes/slack/fake-slack.js";
import { formBody, postSigned, slashCommand } from "../fakes/slack/signed-request.js";
import { startSlackBot, type RunningBot } from "../fakes/slack/slack-bot.js";
import { testServices } from "../helpers/bundled.js";
import { seedReadingHistory } from "../helpers/reading-history.js";
import { headerText, textObjects } from "./slack-payload.js";

let fake: FakeSlack;
let bot: RunningBot;

beforeEach(async () => {
  fake = await new FakeSlack().start();
  const services = testServices();
  seedReadingHistory(services);
  bot = await startSlackBot(fake, { services });
  await vi.waitFor(() => expect(bot.adapter.status().ready).toBe(true), { timeout: 10_000 });
});

afterEach(async () => {
  await bot.adapter.stop();
  await fake.close();
});

const command = (name: string, text: string, responseUrl = fake.responseUrl()) => formBody(slashCommand({ command: name, text, responseUrl, channelId: "C0PAPERS" }));

/** The answers posted to a response_url (a slow command: "Working on it…" is the acknowledgement, the answer comes here). */
async function responded(responseUrl: string, count: number) {
  await vi.waitFor(() => expect(fake.responsesTo(responseUrl).length).toBeGreaterThanOrEqual(count), { timeout: 10_000 });
  return fake.responsesTo(responseUrl);
}

async function completedUpload() {
  await vi.waitFor(() => expect([...fake.uploads.values()].some((u) => u.completed)).toBe(true), { timeout: 10_000 });
  return [...fake.uploads.values()];
}

describe("charts on Slack: the external upload flow", () => {
  it("answers /mss stats privately and shares the chart in the channel: upload URL, the bytes, then complete", async () => {
    const responseUrl = fake.responseUrl();
    const ack = await postSigned(bot.eventsUrl, command("/mss", "stats", responseUrl));
    expect(ack.json()).toMatchObject({ response_type: "ephemeral", text: "Working on it…" });
    const [answer] = await responded(responseUrl, 1);
    expect(answer).toMatchObject({ response_type: "ephemeral", replace_original: true });
    expect(headerText(answer)).toBe("MSS-Papers in numbers");
    expect(textObjects(answer).map((t) => t.text)).toContain("The chart is posted in this channel as stats.png.");
    const [upload, ...more] = await completedUpload();
    expect(more).toEqual([]);
    expect(upload).toMatchObject({ filename: "stats.png", channel: "C0PAPERS", title: "MSS-Papers in numbers: 25 papers", completed: true });
    expect(upload?.altText).toContain("Papers per venue: arXiv: 7; OSDI: 5; ATC: 2;");
    expect(upload?.length).toBe(upload?.data?.length);
    const { width, height } = pngHeader(upload?.data ?? new Uint8Array());
    expect(width).toBeGreaterThan(600);
    expect(height).toBeGreaterThan(600);
    const methods = fake.calls.map((c) => c.method).filter((m) => m.startsWith("files."));
    expect(methods).toEqual(["files.getUploadURLExternal", "files.completeUploadExternal"]);
    expect(fake.callsOf("files.completeUploadExternal")[0]?.args).toMatchObject({ channel_id: "C0PAPERS", files: [{ id: upload?.fileId, title: "MSS-Papers in numbers: 25 papers" }] });
  });

  it("shares /reading stats's chart with its numbers as alt text", async () => {
    await postSigned(bot.eventsUrl, command("/reading", "stats"));
    const [upload] = await completedUpload();
    expect(upload).toMatchObject({ filename: "reading-stats.png", channel: "C0PAPERS" });
    expect(upload?.altText).toContain("Sessions per presenter: XiaoKai: 4; hzq: 2.");
    expect(upload?.altText).toContain("2026-11-23: 5 (going 2, not going 3)");
  });

  it("tells the asker privately when Slack refuses the upload (the scope is missing)", async () => {
    fake.script("files.getUploadURLExternal", { kind: "error", error: "missing_scope", extra: { needed: "files:write" } });
    const responseUrl = fake.responseUrl();
    await postSigned(bot.eventsUrl, command("/mss", "stats by:venue", responseUrl));
    const [answer, notice] = await responded(responseUrl, 2);
    expect(headerText(answer)).toBe("MSS-Papers by venue");
    expect(notice).toMatchObject({ response_type: "ephemeral", replace_original: false });
    expect(JSON.stringify(notice)).toContain("The chart could not be posted in this channel: missing");
    expect(JSON.stringify(notice)).toContain("(needs files:write)");
    expect(fake.callsOf("files.completeUploadExternal")).toEqual([]);
  });
});
