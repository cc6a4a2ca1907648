import { describe, expect, it } from "vitest";
import { renderReply } from "../../../adapters/slack/render/render-reply.js";
import { headerText, mrkdwnTexts } from "../slack-payload.js";
import { syntheticRecord } from "../../helpers/records.js";
import { card } from "./cards.js";
import { expectWithinLimits } from "./limits.js";

describe("Block Kit: a digest", () => {
  it("lists the papers in one section and says how many more", () => {
    const message = renderReply({ kind: "digest", headline: "12 papers added", items: [card(), card({ id: "x", name: "ExoFlow", links: [] })], more: 10 });
    expect(headerText(message)).toBe("12 papers added");
    expect(mrkdwnTexts(message)).toEqual([
      "*<https://example.org/alpaserve.pdf|AlpaServe>* (OSDI 2023) ● — XiaoKai\n*ExoFlow* (OSDI 2023) ● — XiaoKai",
      "… and 10 more; /papers browses the whole list.",
    ]);
    expect(message.text).toBe("12 papers added: AlpaServe, ExoFlow and 10 more");
  });

  it("keeps the section within 3000 characters for a long digest", () => {
    const items = Array.from({ length: 200 }, (_, i) => card({ id: `p${i}`, name: `Paper number ${i}` }));
    const message = renderReply({ kind: "digest", headline: "Many", items, more: 0 });
    expectWithinLimits(message);
    expect(mrkdwnTexts(message)[0]).toMatch(/… and \d+ more$/);
  });
});

describe("Block Kit: a scheduled digest", () => {
  const EVIL = "<!channel> <!here> <@U123> <!subteam^S0EVIL> *bold* `code` > quote";

  it("gives each paper its short abstract, pings only the subscription's group, and keeps within Slack's limits", () => {
    const items = Array.from({ length: 60 }, (_, i) =>
      card({ id: `p${i}`, name: `${EVIL} ${i}`, record: syntheticRecord(`${EVIL} title`, { abstract: `${EVIL} ${"sentence of text. ".repeat(500)}`, authors: [EVIL] }) }),
    );
    const message = renderReply({ kind: "digest", headline: EVIL, items, more: 3, summaries: true, mention: { id: "S0PAPERS" } });
    expectWithinLimits(message);
    expect(message.blocks.length).toBeLessThanOrEqual(50);
    // Headers are plain_text, where Slack parses no mention; everything Slack parses is the text and the mrkdwn.
    const all = JSON.stringify([message.text, mrkdwnTexts(message)]);
    expect([...all.matchAll(/<[!@][^>]*>/g)].map((m) => m[0])).toEqual(["<!subteam^S0PAPERS>", "<!subteam^S0PAPERS>"]);
    expect(message.text.startsWith("<!subteam^S0PAPERS> ")).toBe(true);
    expect(mrkdwnTexts(message)[1]).toContain("*Abstract:* &lt;! channel&gt;");
    expect(JSON.stringify(message.blocks)).toContain("… and 3 more");
  });

  it("pings nobody for a malformed group id", () => {
    const message = renderReply({ kind: "digest", headline: "H", items: [card()], more: 0, summaries: true, mention: { id: "<!channel>" } });
    expect(JSON.stringify(message)).not.toContain("subteam");
  });
});
