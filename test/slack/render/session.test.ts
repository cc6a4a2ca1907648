import { describe, expect, it } from "vitest";
import { renderReply } from "../../../adapters/slack/render/render-reply.js";
import { buttons, headerText, mrkdwnTexts } from "../slack-payload.js";
import { card } from "./cards.js";
import { expectWithinLimits } from "./limits.js";

describe("Block Kit: a reading-group session", () => {
  it("mentions the presenter by Slack id and shows the paper", () => {
    const message = renderReply({
      kind: "session",
      headline: "Reading group this week",
      date: "Monday 2 December 2026",
      presenter: { name: "XiaoKai", userIds: { slack: "U0XIAOKAI" } },
      card: card(),
      note: "Room 3.14",
    });
    expect(headerText(message)).toBe("Reading group this week");
    expect(mrkdwnTexts(message)).toEqual([
      "*Date*\nMonday 2 December 2026",
      "*Presenter*\n<@U0XIAOKAI>",
      "*<https://example.org/alpaserve.pdf|AlpaServe>* (OSDI 2023) ● — XiaoKai",
      "Room 3.14",
    ]);
    expect(buttons(message).map((b) => b.label)).toEqual(["Paper", "Code"]);
    expectWithinLimits(message);
  });

  it("writes the presenter's name, escaped, when there is no valid Slack id", () => {
    const message = renderReply({ kind: "session", headline: "Next", date: "Mon", presenter: { name: "<!here> hzq", userIds: { slack: "<!channel>" } }, card: null });
    expect(mrkdwnTexts(message)).toContain("*Presenter*\n&lt;!here&gt; hzq");
    expect(renderReply({ kind: "session", headline: "Next", date: "Mon", presenter: null, card: null }).blocks).toHaveLength(2);
  });
});
