import { describe, expect, it } from "vitest";
import { renderSession } from "../../../adapters/discord/render/render-session.js";
import type { Reply } from "../../../src/replies/reply.js";
import { card } from "../cards.js";
import { allText } from "../limits-check.js";

type Session = Extract<Reply, { kind: "session" }>;
const session = (over: Partial<Session> = {}): Session => ({
  kind: "session",
  headline: "Reading group this week",
  date: "2026-12-07",
  presenter: { name: "XiaoKai", userIds: { discord: "123456789012345678" } },
  card: card(),
  ...over,
});

describe("the reading-group post on Discord", () => {
  it("mentions the presenter, and allows exactly that one mention", () => {
    const m = renderSession(session());
    expect(m.content).toBe("📖 Reading group this week — <@123456789012345678>");
    expect(m.mentionUsers).toEqual(["123456789012345678"]);
    expect(m.embeds[0]?.fields?.slice(0, 3)).toEqual([
      { name: "Date", value: "2026-12-07", inline: true },
      { name: "Presenter", value: "<@123456789012345678> (XiaoKai)", inline: true },
      { name: "Paper", value: "[AlpaServe](https://www.usenix.org/system/files/osdi23-li-zhuohan.pdf) — OSDI 2023", inline: false },
    ]);
    expect(m.components[0]?.components).toHaveLength(3);
  });

  it("names a presenter without a Discord account and mentions nobody", () => {
    const m = renderSession(session({ presenter: { name: "@everyone", userIds: { slack: "U1" } } }));
    expect(m.mentionUsers).toEqual([]);
    expect(allText(m)).not.toMatch(/@everyone|<@/);
  });

  it("never turns a malformed id into a mention", () => {
    const m = renderSession(session({ presenter: { name: "X", userIds: { discord: "&123> @everyone" } } }));
    expect(m.mentionUsers).toEqual([]);
    expect(allText(m)).not.toMatch(/<@|@everyone/);
  });

  it("says when nobody presents and there is no paper yet", () => {
    const m = renderSession(session({ presenter: null, card: null, note: "Pick a paper!" }));
    expect(m.embeds[0]?.fields?.[1]?.value).toBe("nobody yet");
    expect(m.embeds[0]?.description).toBe("Pick a paper!");
    expect(m.components).toEqual([]);
  });
});
