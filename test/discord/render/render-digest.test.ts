import { describe, expect, it } from "vitest";
import { renderDigest } from "../../../adapters/discord/render/render-digest.js";
import { card } from "../cards.js";
import { limitProblems } from "../limits-check.js";

describe("a digest on Discord", () => {
  it("lists the additions in one embed with how many more were added", () => {
    const m = renderDigest({ kind: "digest", headline: "42 papers added", items: [card(), card({ id: "atom", name: "Atom" })], more: 40 });
    expect(m.embeds).toHaveLength(1);
    expect(m.embeds[0]?.title).toBe("📣 42 papers added");
    expect(m.embeds[0]?.description?.split("\n")).toEqual([expect.stringMatching(/^• \[AlpaServe\]/), expect.stringMatching(/^• \[Atom\]/), "… and 40 more"]);
  });

  it("keeps 30 long names within the limits", () => {
    const items = Array.from({ length: 30 }, (_, i) => card({ id: `p${i}`, name: `${"Name ".repeat(60)}${i}` }));
    const m = renderDigest({ kind: "digest", headline: "H".repeat(300), items, more: 5 });
    expect(limitProblems(m)).toEqual([]);
    expect(m.embeds[0]?.description).toMatch(/… and \d+ more$/);
  });
});
