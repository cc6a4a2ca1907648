import { describe, expect, it } from "vitest";
import { batchMessages } from "../../../adapters/discord/render/batch.js";
import { renderAnnouncement } from "../../../adapters/discord/render/render-announcement.js";
import { card, EVIL } from "../cards.js";
import { allText, limitProblems } from "../limits-check.js";

describe("announcements on Discord", () => {
  it("puts the headline in the text and one embed per paper, with its change lines", () => {
    const m = renderAnnouncement({
      kind: "announcement",
      headline: "New in MSS-Papers",
      items: [
        { change: "added", card: card(), changes: [] },
        { change: "changed", card: card({ id: "atom", name: "Atom" }), changes: ["venue: arXiv → OSDI"] },
      ],
    });
    expect(m.content).toBe("📣 New in MSS-Papers");
    expect(m.embeds.map((e) => e.title)).toEqual(["New: AlpaServe", "Changed: Atom"]);
    expect(m.embeds[1]?.description).toBe("• venue: arXiv → OSDI");
    expect(m.embeds[0]?.fields?.find((f) => f.name === "Links")?.value).toBe(
      "[Code](https://github.com/alpa-projects/mms) · [Blog notes](https://blog.example.org/alpaserve) · [Video](https://video.example.org/alpaserve)",
    );
    expect(m.mentionUsers).toEqual([]);
  });

  it("is split into messages of at most 10 embeds and 6000 characters", () => {
    const items = Array.from({ length: 23 }, (_, i) => ({ change: "added" as const, card: card({ id: `p${i}`, name: `${"N".repeat(250)}${i}`, reporters: ["R".repeat(900)] }), changes: ["x".repeat(280)] }));
    const parts = batchMessages(renderAnnouncement({ kind: "announcement", headline: "Many", items }));
    expect(parts.length).toBeGreaterThanOrEqual(3);
    expect(parts.flatMap((p) => p.embeds)).toHaveLength(23);
    for (const part of parts) expect(limitProblems(part)).toEqual([]);
    expect(parts[0]?.content).toBe("📣 Many");
    expect(parts[1]?.content).toBeUndefined();
  });

  it("escapes upstream text in the headline, titles and change lines", () => {
    const m = renderAnnouncement({ kind: "announcement", headline: EVIL, items: [{ change: "changed", card: card({ name: EVIL }), changes: [EVIL] }] });
    expect(allText(m)).not.toMatch(/@everyone|<@|(?<!\\)\*\*bold|(?<!\\)\[click/);
  });

});
