import { describe, expect, it } from "vitest";
import { renderReply } from "../../../adapters/slack/render/render-reply.js";
import { headerText, mrkdwnTexts } from "../slack-payload.js";
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
