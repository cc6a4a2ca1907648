import { describe, expect, it } from "vitest";
import { renderError } from "../../../adapters/discord/render/render-error.js";
import { renderNotice } from "../../../adapters/discord/render/render-notice.js";

describe("notices and errors on Discord", () => {
  it("shows a notice to the channel", () => {
    const m = renderNotice({ kind: "notice", text: "Subscribed <#1> to announcements." });
    expect(m.ephemeral).toBe(false);
    expect(m.embeds[0]?.description).toBe("Subscribed <\u200b#1> to announcements.");
  });

  it("shows an error only to the user, with a readable title, the reason and the hint", () => {
    const m = renderError({ kind: "error", reason: "invalid", text: "/papers: year: must be a year like 2023.", hint: "Usage: /papers [venue] [year]" });
    expect(m.ephemeral).toBe(true);
    expect(m.embeds[0]).toMatchObject({ title: "That did not work", description: "/papers: year: must be a year like 2023.\nUsage: /papers \\[venue\\] \\[year\\]" });
  });

  it("names each kind of error", () => {
    const titles = (["invalid", "not-found", "forbidden", "unavailable", "failed"] as const).map((reason) => renderError({ kind: "error", reason, text: "x" }).embeds[0]?.title);
    expect(new Set(titles).size).toBe(5);
  });
});
