import { describe, expect, it } from "vitest";
import { renderReply } from "../../../adapters/slack/render/render-reply.js";
import { mrkdwnTexts } from "../slack-payload.js";
import { expectWithinLimits } from "./limits.js";

describe("Block Kit: a notice", () => {
  it("is one escaped section with the same fallback text", () => {
    const message = renderReply({ kind: "notice", text: "Subscribed <#C123> & friends." });
    expect(mrkdwnTexts(message)).toEqual(["Subscribed &lt;#C123&gt; &amp; friends."]);
    expect(message.text).toBe("Subscribed &lt;#C123&gt; &amp; friends.");
    expectWithinLimits(message);
  });

  it("cuts a very long notice within the section limit", () => {
    expectWithinLimits(renderReply({ kind: "notice", text: "x".repeat(10_000) }));
  });
});
