import { describe, expect, it } from "vitest";
import { renderDigest } from "../../../adapters/discord/render/render-digest.js";
import { batchMessages } from "../../../adapters/discord/render/batch.js";
import { syntheticRecord } from "../../helpers/records.js";
import { card, EVIL } from "../cards.js";
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

describe("a scheduled digest on Discord", () => {
  const hostile = (i: number) =>
    card({
      id: `p${i}`,
      name: `${EVIL} ${i}`,
      record: syntheticRecord(`${EVIL} ${"*_~".repeat(200)}`, { abstract: `${EVIL} ${"<@&1> *x* ".repeat(3000)}`.slice(0, 20_000), authors: [EVIL, EVIL, EVIL, EVIL] }),
    });

  it("splits 20 papers with hostile titles and abstracts into messages within every limit, pinging only the role", () => {
    const rendered = renderDigest({ kind: "digest", headline: EVIL.repeat(40), items: Array.from({ length: 20 }, (_, i) => hostile(i)), more: 7, summaries: true, mention: { id: "555555555555555555" } });
    const parts = batchMessages(rendered);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) {
      expect(limitProblems(part)).toEqual([]);
      expect(part.mentionRoles).toEqual(["555555555555555555"]);
    }
    expect(parts[0]?.content).toMatch(/^<@&555555555555555555> /);
    const text = JSON.stringify(parts.map((p) => [p.content, p.embeds]));
    expect([...text.matchAll(/@everyone|<@[!&]?\d+>/g)].map((m) => m[0])).toEqual(["<@&555555555555555555>"]);
    expect(parts.at(-1)?.embeds.at(-1)?.description).toMatch(/… and 7 more$/);
  });

  it("pings nobody for a malformed role id", () => {
    const m = renderDigest({ kind: "digest", headline: "H", items: [card()], more: 0, summaries: true, mention: { id: "@everyone" } });
    expect(m.mentionRoles).toEqual([]);
    expect(m.content).toBeUndefined();
  });
});
