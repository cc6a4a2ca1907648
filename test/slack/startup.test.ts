import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { SlackAdapter } from "../../adapters/slack/slack-adapter.js";
import { FakeSlack } from "../fakes/slack/fake-slack.js";
import { formBody, postSigned, slashCommand } from "../fakes/slack/signed-request.js";
import { slackBot } from "../fakes/slack/slack-bot.js";
import { headerText } from "./slack-payload.js";

let fake: FakeSlack;
let adapter: SlackAdapter | undefined;
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

beforeEach(async () => {
  unhandled.length = 0;
  process.on("unhandledRejection", onUnhandled);
  fake = await new FakeSlack().start();
});

afterEach(async () => {
  await adapter?.stop();
  adapter = undefined;
  await fake.close();
  process.off("unhandledRejection", onUnhandled);
});

describe("Slack start-up when Slack is unreachable or refuses", () => {
  it("HTTP mode: auth.test failing (connection reset, 500, invalid_auth) is retried until it works, without crashing", async () => {
    fake.script("auth.test", { kind: "reset" }, { kind: "status", status: 500 }, { kind: "error", error: "invalid_auth" });
    adapter = slackBot(fake);
    await adapter.start();
    await vi.waitFor(() => expect(adapter?.status().ready).toBe(true), { timeout: 10_000 });
    expect(fake.callsOf("auth.test")).toHaveLength(4);
    expect(unhandled).toEqual([]);

    const url = `http://127.0.0.1:${adapter.http?.address()?.port}/slack/events`;
    const answer = await postSigned(url, formBody(slashCommand({ command: "/paper", text: "AlpaServe", responseUrl: fake.responseUrl() })));
    expect(headerText(answer.json())).toBe("AlpaServe");
  });

  it("HTTP mode: says why it is not ready, and answers Slack 503 until auth.test succeeds", async () => {
    let release = () => {};
    fake.script("auth.test", { kind: "error", error: "invalid_auth" }, { kind: "hold", until: new Promise<void>((resolve) => (release = resolve)) });
    adapter = slackBot(fake);
    await adapter.start();
    expect(adapter.status()).toEqual({ ready: false, reason: expect.stringContaining("auth.test failed: invalid_auth: Slack rejects the bot token") });
    await vi.waitFor(() => expect(fake.callsOf("auth.test")).toHaveLength(2), { timeout: 10_000 });

    const url = `http://127.0.0.1:${adapter.http?.address()?.port}/slack/events`;
    const early = await postSigned(url, formBody(slashCommand({ command: "/paper", text: "AlpaServe", responseUrl: fake.responseUrl() })));
    expect(early.status).toBe(503);
    release();
    await vi.waitFor(() => expect(adapter?.status().ready).toBe(true), { timeout: 10_000 });
  });

  it("Socket Mode: a failing apps.connections.open is retried until connected", async () => {
    fake.script("apps.connections.open", { kind: "reset" }, { kind: "error", error: "internal_error" });
    adapter = slackBot(fake, { socketMode: true });
    await adapter.start();
    await vi.waitFor(() => expect(adapter?.status().ready).toBe(true), { timeout: 10_000 });
    expect(fake.callsOf("apps.connections.open")).toHaveLength(3);
    expect(unhandled).toEqual([]);
    const ack = await fake.sendEnvelope("slash_commands", slashCommand({ command: "/paper", text: "AlpaServe", responseUrl: fake.responseUrl() }));
    expect(headerText(ack)).toBe("AlpaServe");
  });
});
