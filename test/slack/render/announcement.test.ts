import { describe, expect, it } from "vitest";
import { renderReply } from "../../../adapters/slack/render/render-reply.js";
import type { AnnouncedPaper } from "../../../src/replies/reply.js";
import { buttons, headerText, mrkdwnTexts } from "../slack-payload.js";
import { card } from "./cards.js";
import { expectWithinLimits } from "./limits.js";

describe("Block Kit: an announcement", () => {
  it("shows each new or changed paper, what changed and its links", () => {
    const items: AnnouncedPaper[] = [
      { change: "added", card: card(), changes: [] },
      { change: "changed", card: card({ id: "spotserve", name: "SpotServe", venue: "ASPLOS", year: 2024 }), changes: ["venue: arXiv → ASPLOS"] },
    ];
    const message = renderReply({ kind: "announcement", headline: "MSS-Papers changed", items });
    expect(headerText(message)).toBe("MSS-Papers changed");
    expect(mrkdwnTexts(message)).toEqual([
      "*New:* *<https://example.org/alpaserve.pdf|AlpaServe>* (OSDI 2023) ● — XiaoKai",
      "*Changed:* *<https://example.org/alpaserve.pdf|SpotServe>* (ASPLOS 2024) ● — XiaoKai",
      "venue: arXiv → ASPLOS",
    ]);
    expect(buttons(message).map((b) => b.actionId)).toEqual(["mss_link:0:paper", "mss_link:0:code", "mss_link:1:paper", "mss_link:1:code"]);
    expect(message.text).toBe("MSS-Papers changed: AlpaServe (OSDI 2023), SpotServe (ASPLOS 2024)");
    expectWithinLimits(message);
  });

  it("stays within 50 blocks for many papers", () => {
    const items: AnnouncedPaper[] = Array.from({ length: 40 }, (_, i) => ({ change: "added", card: card({ id: `p${i}`, name: `P${i}` }), changes: ["x"] }));
    expectWithinLimits(renderReply({ kind: "announcement", headline: "Many", items }));
  });
});
