import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { FakeSlack } from "../fakes/slack/fake-slack.js";
import { buttonClick, slashCommand } from "../fakes/slack/signed-request.js";
import { slackBot } from "../fakes/slack/slack-bot.js";
import type { SlackAdapter } from "../../adapters/slack/slack-adapter.js";
import { button, headerText, mrkdwnTexts } from "./slack-payload.js";

let fake: FakeSlack;
let adapter: SlackAdapter;

beforeEach(async () => {
  fake = await new FakeSlack().start();
  adapter = slackBot(fake, { socketMode: true });
  await adapter.start();
  await vi.waitFor(() => expect(adapter.status().ready).toBe(true), { timeout: 10_000 });
});

afterEach(async () => {
  await adapter.stop();
  await fake.close();
});

describe("Slack in Socket Mode", () => {
  it("opens the connection with the app token and serves no HTTP port", () => {
    const [open] = fake.callsOf("apps.connections.open");
    expect(open?.authorization).toBe("Bearer xapp-test-token");
    expect(adapter.mode).toBe("socket");
    expect(adapter.http).toBeNull();
  });

  it("acknowledges a slash_commands envelope with the reply", async () => {
    const ack = await fake.sendEnvelope("slash_commands", slashCommand({ command: "/paper", text: "alpasrve", responseUrl: fake.responseUrl() }));
    expect(ack).toMatchObject({ response_type: "ephemeral", text: "AlpaServe (OSDI 2023)" });
    expect(headerText(ack)).toBe("AlpaServe");
    expect(mrkdwnTexts(ack)).toContain('Closest match for "alpasrve".');
  });

  it("answers button clicks through response_url", async () => {
    const page1 = await fake.sendEnvelope("slash_commands", slashCommand({ command: "/papers", text: "", responseUrl: fake.responseUrl() }));
    const next = button(page1, "Next");
    const url = fake.responseUrl();
    await fake.sendEnvelope("interactive", buttonClick({ actionId: next.actionId, value: next.value ?? "", responseUrl: url }));
    await vi.waitFor(() => expect(fake.responsesTo(url)).toHaveLength(1), { timeout: 10_000 });
    expect(mrkdwnTexts(fake.responsesTo(url)[0])).toContain("25 papers · page 2 of 3");
  });

  it("reconnects when Slack asks it to, and keeps answering", async () => {
    fake.socket?.send(JSON.stringify({ type: "disconnect", reason: "refresh_requested" }));
    await vi.waitFor(() => expect(fake.callsOf("apps.connections.open")).toHaveLength(2), { timeout: 10_000 });
    await vi.waitFor(() => expect(adapter.status().ready).toBe(true), { timeout: 10_000 });
    const ack = await fake.sendEnvelope("slash_commands", slashCommand({ command: "/mss", text: "software", responseUrl: fake.responseUrl() }));
    expect(headerText(ack)).toBe("Software suite");
  });
});
