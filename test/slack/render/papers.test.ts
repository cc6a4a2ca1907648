import { describe, expect, it } from "vitest";
import { renderReply } from "../../../adapters/slack/render/render-reply.js";
import type { Reply } from "../../../src/replies/reply.js";
import { button, buttons, headerText, mrkdwnTexts } from "../slack-payload.js";
import { card } from "./cards.js";
import { expectWithinLimits } from "./limits.js";

const page = (over: Partial<Extract<Reply, { kind: "papers" }>> = {}): Reply => ({
  kind: "papers",
  title: "Papers: venue OSDI",
  items: [card(), card({ id: "exoflow", name: "ExoFlow", links: [], categories: [], reporters: ["hzq"] })],
  total: 22,
  page: 2,
  pageCount: 3,
  prev: { command: "papers", args: { venue: "OSDI", page: 1 } },
  next: { command: "papers", args: { venue: "OSDI", page: 3 } },
  ...over,
});

describe("Block Kit: a page of papers", () => {
  it("shows the title, the count, one line per paper and the page buttons with their command in the value", () => {
    const message = renderReply(page());
    expect(headerText(message)).toBe("Papers: venue OSDI");
    expect(mrkdwnTexts(message)).toEqual(["22 papers · page 2 of 3", "*<https://example.org/alpaserve.pdf|AlpaServe>* (OSDI 2023) ● — XiaoKai", "*ExoFlow* (OSDI 2023) — hzq"]);
    expect(buttons(message).map((b) => [b.label, b.value])).toEqual([
      ["◀ Previous", "papers?venue=OSDI&page=1"],
      ["Next ▶", "papers?venue=OSDI&page=3"],
    ]);
    expectWithinLimits(message);
  });

  it("has no Previous on the first page, no Next on the last, and Share when asked", () => {
    const first = renderReply(page({ page: 1, prev: null }), { share: "papers?venue=OSDI" });
    expect(buttons(first).map((b) => b.label)).toEqual(["Next ▶", "Share in channel"]);
    expect(button(first, "Share").value).toBe("papers?venue=OSDI");
    expect(buttons(renderReply(page({ page: 3, next: null }))).map((b) => b.label)).toEqual(["◀ Previous"]);
  });

  it("escapes a filter value typed by the user", () => {
    const message = renderReply(page({ title: "Papers: reporter <!here>", items: [card({ reporters: ["<!here>"] })] }));
    expect(headerText(message)).toBe("Papers: reporter <!here>");
    expect(mrkdwnTexts(message).join("\n")).not.toContain("<!here>");
    expect(message.text).toBe("Papers: reporter &lt;!here&gt;: AlpaServe");
  });
});
