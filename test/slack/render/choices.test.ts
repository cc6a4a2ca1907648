import { describe, expect, it } from "vitest";
import { renderReply } from "../../../adapters/slack/render/render-reply.js";
import { buttons, mrkdwnTexts } from "../slack-payload.js";
import { card } from "./cards.js";
import { expectWithinLimits } from "./limits.js";

describe("Block Kit: a pick-list", () => {
  it("lists each paper with a Show button that runs /paper with its id", () => {
    const message = renderReply({ kind: "choices", text: '2 papers match "serve". Pick one:', options: [card({ id: "spotserve", name: "SpotServe", venue: "ASPLOS", year: 2024 }), card()] });
    expect(mrkdwnTexts(message)).toEqual([
      '2 papers match "serve". Pick one:',
      "*<https://example.org/alpaserve.pdf|SpotServe>* (ASPLOS 2024) ● — XiaoKai",
      "*<https://example.org/alpaserve.pdf|AlpaServe>* (OSDI 2023) ● — XiaoKai",
    ]);
    expect(buttons(message).map((b) => [b.actionId, b.value])).toEqual([
      ["mss_run:choice:0", "paper?query=spotserve"],
      ["mss_run:choice:1", "paper?query=alpaserve"],
    ]);
    expect(message.text).toBe('2 papers match "serve". Pick one: SpotServe, AlpaServe');
  });

  it("stays within 50 blocks for a very long list", () => {
    const options = Array.from({ length: 80 }, (_, i) => card({ id: `p${i}`, name: `Paper ${i}` }));
    const message = renderReply({ kind: "choices", text: "Many", options });
    expectWithinLimits(message);
    expect(mrkdwnTexts(message).at(-1)).toBe("… 32 more not shown.");
  });
});
