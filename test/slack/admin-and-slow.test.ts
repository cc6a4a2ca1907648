import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ALL_COMMANDS, createRegistry } from "../../src/commands/all.js";
import { defineCommand } from "../../src/commands/command.js";
import type { Reply } from "../../src/replies/reply.js";
import { FakeSlack } from "../fakes/slack/fake-slack.js";
import { formBody, postSigned, slashCommand } from "../fakes/slack/signed-request.js";
import { startSlackBot, type BotOptions, type RunningBot } from "../fakes/slack/slack-bot.js";
import { testServices } from "../helpers/bundled.js";
import { textObjects } from "./slack-payload.js";

// No admin command exists in the core yet (subscribe & co. come with the sync issue): these stand in for them.
const purgeCommand = defineCommand({
  name: "purge",
  description: "An admin-only command for this test.",
  group: "general",
  admin: true,
  options: {},
  run: (): Reply => ({ kind: "notice", text: "Purged." }),
});

const rebuildCommand = defineCommand({
  name: "rebuild",
  description: "A slow command for this test.",
  group: "general",
  slow: true,
  options: {},
  run: (): Reply => ({ kind: "notice", text: "Rebuilt." }),
});

let gate: () => void = () => {};
const waitCommand = defineCommand({
  name: "wait",
  description: "A command that finishes only when the test lets it.",
  group: "general",
  options: {},
  run: () => new Promise<Reply>((resolve) => (gate = () => resolve({ kind: "notice", text: "Done waiting." }))),
});

let fake: FakeSlack;
let bot: RunningBot | undefined;

const services = () => ({ ...testServices(), commands: createRegistry([...ALL_COMMANDS, purgeCommand, rebuildCommand, waitCommand]) });

async function start(options: BotOptions = {}): Promise<RunningBot> {
  bot = await startSlackBot(fake, { services: services(), ...options });
  const running = bot;
  await vi.waitFor(() => expect(running.adapter.status().ready).toBe(true), { timeout: 10_000 });
  return running;
}

const run = async (url: string, name: string, text: string, userId: string, responseUrl = fake.responseUrl()) => {
  const answer = await postSigned(url, formBody(slashCommand({ command: name, text, responseUrl, userId })));
  expect(answer.status).toBe(200);
  const body = answer.json();
  const texts = textObjects(body).map((t) => t.text);
  // A message without blocks shows its text.
  return texts.length > 0 ? texts.join("\n") : String((body as { text?: unknown }).text);
};

beforeEach(async () => {
  fake = await new FakeSlack().start();
  fake.users.set("U0ADMIN", { is_admin: true });
  fake.users.set("U0OWNER", { is_owner: true });
  fake.users.set("U0MEMBER", {});
});

afterEach(async () => {
  await bot?.adapter.stop();
  bot = undefined;
  await fake.close();
});

describe("Slack admin commands", () => {
  it("refuses an admin command to a member, with a clear message", async () => {
    const { eventsUrl } = await start();
    const text = await run(eventsUrl, "/mss", "purge", "U0MEMBER");
    expect(text).toContain("/mss purge is for admins only.");
    expect(text).not.toContain("Purged.");
  });

  it("lets workspace admins and owners run it (users.info), asking Slack once per user and never for lookups", async () => {
    const { eventsUrl } = await start();
    await run(eventsUrl, "/paper", "AlpaServe", "U0MEMBER");
    expect(fake.callsOf("users.info")).toHaveLength(0);
    expect(await run(eventsUrl, "/mss", "purge", "U0ADMIN")).toBe("Purged.");
    expect(await run(eventsUrl, "/mss", "purge", "U0ADMIN")).toBe("Purged.");
    expect(await run(eventsUrl, "/mss", "purge", "U0OWNER")).toBe("Purged.");
    expect(fake.callsOf("users.info").map((c) => c.args.user)).toEqual(["U0ADMIN", "U0OWNER"]);
  });

  it("with SLACK_ADMIN_USER_IDS, allows exactly those users and does not ask Slack", async () => {
    const { eventsUrl } = await start({ adminUserIds: ["U0MEMBER"] });
    expect(await run(eventsUrl, "/mss", "purge", "U0MEMBER")).toBe("Purged.");
    expect(await run(eventsUrl, "/mss", "purge", "U0ADMIN")).toContain("is for admins only.");
    expect(fake.callsOf("users.info")).toHaveLength(0);
  });

  it("refuses (and keeps running) when users.info fails", async () => {
    const { eventsUrl } = await start();
    fake.script("users.info", { kind: "error", error: "missing_scope" });
    expect(await run(eventsUrl, "/mss", "purge", "U0ADMIN")).toContain("is for admins only.");
    expect(await run(eventsUrl, "/mss", "purge", "U0ADMIN")).toBe("Purged.");
  });
});

describe("Slack acknowledgement within 3 s", () => {
  it("acknowledges a slow command first and answers it through response_url", async () => {
    const { eventsUrl } = await start();
    const responseUrl = fake.responseUrl();
    expect(await run(eventsUrl, "/mss", "rebuild", "U0MEMBER", responseUrl)).toBe("Working on it…");
    await vi.waitFor(() => expect(fake.responsesTo(responseUrl)).toHaveLength(1), { timeout: 10_000 });
    expect(fake.responsesTo(responseUrl)[0]).toMatchObject({ response_type: "ephemeral", replace_original: true, text: "Rebuilt." });
  });

  it("acknowledges a command still running at the deadline, then answers it", async () => {
    const { eventsUrl } = await start({ ackDeadlineMs: 50 });
    const responseUrl = fake.responseUrl();
    expect(await run(eventsUrl, "/mss", "wait", "U0MEMBER", responseUrl)).toBe("Working on it…");
    gate();
    await vi.waitFor(() => expect(fake.responsesTo(responseUrl)).toHaveLength(1), { timeout: 10_000 });
    expect(fake.responsesTo(responseUrl)[0]).toMatchObject({ text: "Done waiting." });
  });
});
