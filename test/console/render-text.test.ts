import { describe, expect, it } from "vitest";
import { renderText, typedCommand } from "../../adapters/console/render-text.js";
import type { PaperCard } from "../../src/replies/reply.js";
import { run } from "../helpers/bundled.js";

const card: PaperCard = { id: "x", name: "Evil\u001b[31mRed", year: 2023, venue: "OSDI", categories: [], links: [], reporters: ["a\u0007b"] };

describe("rendering replies as terminal text", () => {
  it("shows a card with its categories, reporter and links", async () => {
    expect(renderText(await run("paper", { query: "tapfinger" }))).toBe(
      ["TapFinger (INFOCOM 2023)", "  Categories: ● Resource Scheduling", "  Reporter:   XiaoKai", "  Paper:      https://i2.cs.hku.hk/~cwu/papers/yhli-infocom23.pdf"].join("\n"),
    );
  });

  it("shows a page with numbering and the command for the next page", async () => {
    const text = renderText(await run("papers", { venue: "arXiv", page: 1 }));
    expect(text.split("\n")[0]).toBe("Papers: venue arXiv — 7 papers, page 1 of 1");
    expect(text).toContain("  1. Atom (arXiv 2023) — XiaoKai");
    const paged = renderText(await run("papers", {}));
    expect(paged).toContain("next: /papers page:2");
  });

  it("strips terminal escape sequences from upstream text", () => {
    const text = renderText({ kind: "paper", card });
    expect(text).not.toMatch(/[\u0000-\u0008\u001b\u007f]/);
    expect(text).toContain("Evil[31mRed");
  });

  it("quotes typed command values with spaces", () => {
    expect(typedCommand({ command: "papers", args: { reporter: "Xiao Kai", page: 2 } })).toBe("/papers reporter:'Xiao Kai' page:2");
  });

  it("shows errors with their hint", async () => {
    expect(renderText(await run("paper", { query: "osdi" }))).toBe('Error: No paper is named "osdi".\nOSDI is a venue: try papers venue:OSDI');
  });
});
