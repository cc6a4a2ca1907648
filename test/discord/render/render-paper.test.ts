import { ButtonStyle, ComponentType } from "discord.js";
import { describe, expect, it } from "vitest";
import { renderPaper } from "../../../adapters/discord/render/render-paper.js";
import { card, EVIL } from "../cards.js";
import { allText, limitProblems } from "../limits-check.js";

describe("a paper card on Discord", () => {
  it("is an embed titled with the name, linking the paper, with venue, year, categories and reporters", () => {
    const m = renderPaper({ kind: "paper", card: card({ reporters: ["XiaoKai", "hzq"] }) });
    const [embed] = m.embeds;
    expect(embed?.title).toBe("AlpaServe");
    expect(embed?.url).toBe("https://www.usenix.org/system/files/osdi23-li-zhuohan.pdf");
    expect(embed?.fields).toEqual([
      { name: "Venue", value: "OSDI", inline: true },
      { name: "Year", value: "2023", inline: true },
      { name: "Category", value: "● Resource Scheduling", inline: true },
      { name: "Reporters", value: "XiaoKai, hzq", inline: true },
    ]);
    expect(m.ephemeral).toBe(false);
    expect(m.mentionUsers).toEqual([]);
  });

  it("has link buttons for code, blog notes and video", () => {
    const m = renderPaper({ kind: "paper", card: card() });
    expect(m.components).toEqual([
      {
        type: ComponentType.ActionRow,
        components: [
          { type: ComponentType.Button, style: ButtonStyle.Link, label: "Code", url: "https://github.com/alpa-projects/mms" },
          { type: ComponentType.Button, style: ButtonStyle.Link, label: "Blog notes", url: "https://blog.example.org/alpaserve" },
          { type: ComponentType.Button, style: ButtonStyle.Link, label: "Video", url: "https://video.example.org/alpaserve" },
        ],
      },
    ]);
  });

  it("leaves out unknown facts and has no buttons without links", () => {
    const m = renderPaper({ kind: "paper", card: card({ venue: null, year: null, categories: [], reporters: [], links: [] }) });
    expect(m.embeds[0]?.fields).toEqual([]);
    expect(m.embeds[0]?.url).toBeUndefined();
    expect(m.components).toEqual([]);
  });

  it("shows the closest-match note", () => {
    const m = renderPaper({ kind: "paper", card: card(), note: 'Closest match for "alpasrve".' });
    expect(m.embeds[0]?.description).toBe('*Closest match for "alpasrve".*');
  });

  it("escapes upstream text and neutralizes mentions in every part", () => {
    const m = renderPaper({ kind: "paper", card: card({ name: EVIL, venue: EVIL, reporters: [EVIL], categories: [{ symbol: "*", label: EVIL }] }) });
    const text = allText(m);
    expect(text).not.toMatch(/@everyone|<@|(?<!\\)\*\*|(?<!\\)\[click/);
    expect(text).toContain("\\*\\*bold\\*\\*");
  });

  it("keeps a very long name within the title limit and a too-long URL out of the buttons", () => {
    const longUrl = `https://code.example.org/${"x".repeat(600)}`;
    const m = renderPaper({ kind: "paper", card: card({ name: "N".repeat(1000), links: [{ kind: "code", label: "Code", url: longUrl }] }) });
    expect(limitProblems(m)).toEqual([]);
    expect(m.embeds[0]?.title?.length).toBe(256);
    expect(m.components).toEqual([]);
    expect(m.embeds[0]?.fields?.find((f) => f.name === "Links")?.value).toContain("[Code](");
  });
});
