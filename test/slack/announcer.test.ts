import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { toCard } from "../../src/replies/paper-card.js";
import type { PaperCard, Reply } from "../../src/replies/reply.js";
import { FakeSlack } from "../fakes/slack/fake-slack.js";
import { slackBot } from "../fakes/slack/slack-bot.js";
import { bundledList } from "../helpers/bundled.js";
import { mrkdwnTexts } from "./slack-payload.js";

let fake: FakeSlack;

beforeEach(async () => {
  fake = await new FakeSlack().start();
});

afterEach(async () => {
  await fake.close();
});

function card(name: string): PaperCard {
  const list = bundledList();
  const paper = list.papers.find((p) => p.name === name);
  if (!paper) throw new Error(`no ${name} in the bundled list`);
  return toCard(paper, list.legend);
}

/** A first delivery attempt, as the outbox passes it. */
const FIRST = { number: 1, queuedAt: new Date().toISOString() };

const announcement = (...names: string[]): Reply => ({
  kind: "announcement",
  headline: "New in MSS-Papers",
  items: names.map((name) => ({ change: "added", card: card(name), changes: [] })),
});

describe("Slack announcements", () => {
  it("posts once with blocks, the fallback text, no unfurls and the key in the metadata", async () => {
    const { announcer } = slackBot(fake);
    const result = await announcer.announce("C0PAPERS", announcement("AlpaServe"), "outbox-1", FIRST);
    expect(fake.posted).toHaveLength(1);
    const [message] = fake.posted;
    expect(result).toEqual({ ok: true, messageId: message?.ts });
    expect(message).toMatchObject({
      channel: "C0PAPERS",
      text: "New in MSS-Papers: AlpaServe (OSDI 2023)",
      metadata: { event_type: "mss_announcement", event_payload: { key: "outbox-1" } },
      unfurl_links: "false",
      unfurl_media: "false",
    });
    expect(mrkdwnTexts(message)[0]).toBe("*New:* *<https://www.usenix.org/system/files/osdi23-li-zhuohan.pdf|AlpaServe>* (OSDI 2023) — XiaoKai");
  });

  it("reports ratelimited as transient with Slack's Retry-After, and the retry posts one message", async () => {
    const { announcer } = slackBot(fake);
    fake.script("chat.postMessage", { kind: "ratelimited", retryAfter: 7 });
    const limited = await announcer.announce("C0PAPERS", announcement("AlpaServe"), "outbox-2", FIRST);
    expect(limited).toMatchObject({ ok: false, retry: "transient", retryAfterMs: 7000 });
    expect(fake.posted).toHaveLength(0);
    expect(await announcer.announce("C0PAPERS", announcement("AlpaServe"), "outbox-2", FIRST)).toMatchObject({ ok: true });
    expect(fake.posted).toHaveLength(1);
  });

  it("after a timeout once the post was sent, finds the message in history instead of posting twice", async () => {
    const { announcer } = slackBot(fake, { webTimeoutMs: 3_000 });
    fake.script("chat.postMessage", { kind: "hang" });
    const timedOut = await announcer.announce("C0PAPERS", announcement("AlpaServe"), "outbox-3", FIRST);
    expect(timedOut).toMatchObject({ ok: false, retry: "transient" });
    expect(fake.posted).toHaveLength(1);

    const retried = await announcer.announce("C0PAPERS", announcement("AlpaServe"), "outbox-3", FIRST);
    expect(retried).toEqual({ ok: true, messageId: fake.posted[0]?.ts });
    expect(fake.posted).toHaveLength(1);
    expect(fake.callsOf("chat.postMessage")).toHaveLength(1);
    expect(fake.callsOf("conversations.history")[0]?.args).toMatchObject({ channel: "C0PAPERS", include_all_metadata: "true" });
  });

  it("after a restart, a retry the outbox numbers 2 checks history first, so a post the old process made is not repeated", async () => {
    const before = slackBot(fake, { webTimeoutMs: 3_000 });
    fake.script("chat.postMessage", { kind: "hang" });
    expect(await before.announcer.announce("C0PAPERS", announcement("AlpaServe"), "outbox-9", FIRST)).toMatchObject({ ok: false });
    const restarted = slackBot(fake);
    const retried = await restarted.announcer.announce("C0PAPERS", announcement("AlpaServe"), "outbox-9", { number: 2, queuedAt: FIRST.queuedAt });
    expect(retried).toEqual({ ok: true, messageId: fake.posted[0]?.ts });
    expect(fake.posted).toHaveLength(1);
    expect(fake.callsOf("conversations.history")).toHaveLength(1);
  });

  it("after an ambiguous 503 that did not post, checks history and then posts exactly once", async () => {
    const { announcer } = slackBot(fake);
    fake.script("chat.postMessage", { kind: "status", status: 503 });
    expect(await announcer.announce("C0PAPERS", announcement("AlpaServe"), "outbox-4", FIRST)).toMatchObject({ ok: false, retry: "transient", reason: "HTTP 503 from Slack" });
    expect(await announcer.announce("C0PAPERS", announcement("AlpaServe"), "outbox-4", FIRST)).toMatchObject({ ok: true });
    expect(fake.callsOf("conversations.history")).toHaveLength(1);
    expect(fake.posted).toHaveLength(1);
  });

  it("marks channel_not_found permanent, with a reason a person can act on", async () => {
    const { announcer } = slackBot(fake);
    fake.script("chat.postMessage", { kind: "error", error: "channel_not_found" });
    const result = await announcer.announce("C0GONE", announcement("AlpaServe"), "outbox-5", FIRST);
    expect(result).toEqual({
      ok: false,
      retry: "permanent",
      reason: "channel_not_found: the channel does not exist or the bot cannot see it (check the channel id; a private channel needs the bot invited)",
    });
  });

  it("names the missing scope, and treats a dropped connection as transient", async () => {
    const { announcer } = slackBot(fake);
    fake.script("chat.postMessage", { kind: "error", error: "missing_scope", extra: { needed: "chat:write.public", provided: "chat:write" } }, { kind: "reset" });
    expect(await announcer.announce("C0PAPERS", announcement("AlpaServe"), "outbox-6", FIRST)).toMatchObject({ retry: "permanent", reason: expect.stringContaining("(needs chat:write.public)") });
    expect(await announcer.announce("C0PAPERS", announcement("AlpaServe"), "outbox-7", FIRST)).toMatchObject({ retry: "transient", reason: expect.stringMatching(/^network: /) });
  });

  it("escapes upstream text so it can never ping the channel or mention a user", async () => {
    const { announcer } = slackBot(fake);
    const evil: PaperCard = { ...card("AlpaServe"), name: "<!channel> *Serve*", reporters: ["<@U123>"], venue: "<https://evil.example|OSDI>" };
    await announcer.announce("C0PAPERS", { kind: "announcement", headline: "New <!here>", items: [{ change: "added", card: evil, changes: ["venue: <!everyone>"] }] }, "outbox-8", FIRST);
    const [message] = fake.posted;
    const raw = JSON.stringify({ text: message?.text, mrkdwn: mrkdwnTexts(message) });
    for (const ping of ["<!channel>", "<!here>", "<!everyone>", "<@U123>", "<https://evil.example"]) expect(raw).not.toContain(ping);
    expect(message?.text).toBe("New &lt;!here&gt;: &lt;!channel&gt; \u2217Serve\u2217 (&lt;https://evil.example|OSDI&gt; 2023)");
    expect(mrkdwnTexts(message).join("\n")).toContain("— &lt;@U123&gt;");
  });
});
