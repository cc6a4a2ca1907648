import { describe, expect, it } from "vitest";
import { renderReply } from "../../../adapters/slack/render/render-reply.js";
import { button, buttons, headerText, mrkdwnTexts } from "../slack-payload.js";
import { card, HOSTILE } from "./cards.js";
import { expectWithinLimits } from "./limits.js";

describe("Block Kit: a paper card", () => {
  it("shows the name as header, the facts as fields and the links as buttons", () => {
    const message = renderReply({ kind: "paper", card: card() });
    expect(message.text).toBe("AlpaServe (OSDI 2023)");
    expect(headerText(message)).toBe("AlpaServe");
    expect(mrkdwnTexts(message)).toEqual(["*Venue*\nOSDI", "*Year*\n2023", "*Category*\n● Resource Scheduling", "*Reporter*\nXiaoKai"]);
    expect(buttons(message).map((b) => [b.label, b.url])).toEqual([
      ["Paper", "https://example.org/alpaserve.pdf"],
      ["Code", "https://github.com/alpa-projects/mms"],
    ]);
    expectWithinLimits(message);
  });

  it("adds Share in channel, the closest-match note and who shared it when asked", () => {
    const message = renderReply({ kind: "paper", card: card(), note: 'Closest match for "alpasrve".' }, { share: "paper?query=alpaserve", sharedBy: "U0BOB" });
    expect(button(message, "Share in channel").value).toBe("paper?query=alpaserve");
    expect(mrkdwnTexts(message)).toEqual(expect.arrayContaining(['Closest match for "alpasrve".', "Shared by <@U0BOB>"]));
  });

  it("never mentions a user from a malformed id", () => {
    const message = renderReply({ kind: "paper", card: card() }, { sharedBy: "<!channel>" });
    expect(mrkdwnTexts(message).join()).not.toContain("Shared by");
  });

  it("says so when the list gives nothing but the name", () => {
    const message = renderReply({ kind: "paper", card: card({ year: null, venue: null, categories: [], links: [], reporters: [] }) });
    expect(message.text).toBe("AlpaServe");
    expect(mrkdwnTexts(message)).toEqual(["No venue, year or reporter in the list."]);
    expect(buttons(message)).toEqual([]);
  });

  it("escapes hostile upstream text and keeps Slack's limits with huge values", () => {
    const message = renderReply({ kind: "paper", card: card({ name: HOSTILE.repeat(20), venue: HOSTILE, reporters: Array.from({ length: 300 }, () => HOSTILE) }) });
    for (const text of [message.text, ...mrkdwnTexts(message)]) expect(text).not.toMatch(/<[!@#h]/);
    expectWithinLimits(message);
  });
});
