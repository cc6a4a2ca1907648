import { describe, expect, it } from "vitest";
import { renderReply } from "../../../adapters/slack/render/render-reply.js";
import { blocksOf, mrkdwnTexts } from "../slack-payload.js";
import { expectWithinLimits } from "./limits.js";

describe("Block Kit: an error", () => {
  it("shows what went wrong and the hint in grey", () => {
    const message = renderReply({ kind: "error", reason: "invalid", text: "/papers: year: must be a year like 2023.", hint: "Usage: /papers [venue:VENUE] [year:YEAR]" });
    expect(blocksOf(message).map((b) => b.type)).toEqual(["section", "context"]);
    expect(mrkdwnTexts(message)).toEqual([":warning: /papers: year: must be a year like 2023.", "Usage: /papers [venue:VENUE] [year:YEAR]"]);
    expect(message.text).toBe("/papers: year: must be a year like 2023. Usage: /papers [venue:VENUE] [year:YEAR]");
    expectWithinLimits(message);
  });

  it("escapes the user's own text echoed back", () => {
    const message = renderReply({ kind: "error", reason: "not-found", text: 'No paper matches "<!everyone>".' });
    expect(mrkdwnTexts(message)).toEqual([':warning: No paper matches "&lt;!everyone&gt;".']);
  });
});
