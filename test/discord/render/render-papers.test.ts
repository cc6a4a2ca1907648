import { ButtonStyle, ComponentType, type APIButtonComponent } from "discord.js";
import { describe, expect, it } from "vitest";
import { parseCustomId } from "../../../adapters/discord/render/custom-id.js";
import { renderPapers } from "../../../adapters/discord/render/render-papers.js";
import type { Reply } from "../../../src/replies/reply.js";
import { card } from "../cards.js";
import { limitProblems } from "../limits-check.js";

type Papers = Extract<Reply, { kind: "papers" }>;
const page = (over: Partial<Papers> = {}): Papers => ({
  kind: "papers",
  title: "Papers: venue OSDI",
  items: [card(), card({ id: "shepherd", name: "Shepherd", venue: "NSDI" })],
  total: 12,
  page: 2,
  pageCount: 2,
  prev: { command: "papers", args: { venue: "OSDI", page: 1 } },
  next: null,
  ...over,
});
const buttons = (r: ReturnType<typeof renderPapers>) => (r.components[0]?.components ?? []) as APIButtonComponent[];

describe("a page of papers on Discord", () => {
  it("numbers the lines from the page's first paper and shows the total and page", () => {
    const m = renderPapers(page());
    expect(m.embeds[0]?.title).toBe("Papers: venue OSDI");
    expect(m.embeds[0]?.description?.split("\n")[0]).toMatch(/^11\. \[AlpaServe\]\(https:.*\) — OSDI 2023 · ● · XiaoKai$/);
    expect(m.embeds[0]?.footer?.text).toBe("12 papers · page 2 of 2");
  });

  it("has Prev/Next buttons whose custom_id is the encoded command link; a missing side is disabled", () => {
    const [prev, next] = buttons(renderPapers(page()));
    expect(prev).toMatchObject({ style: ButtonStyle.Secondary, label: "◀ Prev", disabled: false });
    expect(parseCustomId(prev && "custom_id" in prev ? prev.custom_id : "")).toEqual({ kind: "link", link: { command: "papers", args: { venue: "OSDI", page: "1" } } });
    expect(next).toMatchObject({ disabled: true });
  });

  it("has no buttons when everything fits on one page", () => {
    expect(renderPapers(page({ prev: null, next: null, page: 1, pageCount: 1 })).components).toEqual([]);
  });

  it("keeps 30 papers with very long names inside the description limit, saying how many are left out", () => {
    const items = Array.from({ length: 30 }, (_, i) => card({ id: `p${i}`, name: `${"Very long paper name ".repeat(12)}${i}`, reporters: ["A".repeat(90)] }));
    const m = renderPapers(page({ items, total: 30 }));
    expect(limitProblems(m)).toEqual([]);
    expect(m.embeds[0]?.description).toMatch(/… and \d+ more$/);
  });

  it("disables a button whose state is too long for a custom_id and spells the command out instead", () => {
    const reporter = "R".repeat(60);
    const m = renderPapers(page({ next: { command: "papers", args: { venue: "V".repeat(40), reporter, page: 3 } } }));
    expect(limitProblems(m)).toEqual([]);
    expect(buttons(m)[1]).toMatchObject({ disabled: true });
    expect(m.embeds[0]?.footer?.text).toContain(`Next: /papers venue:${"V".repeat(40)} reporter:${reporter} page:3`);
  });
});
