import { describe, expect, it } from "vitest";
import { renderText } from "../../adapters/console/render-text.js";
import { card } from "../discord/cards.js";
import { alpaServeRecord, hugeAbstract, SYNTHETIC_ABSTRACT } from "../helpers/records.js";

const resolved = (over = {}) => card({ record: alpaServeRecord(over) });
const flat = (text: string) => text.replace(/\s+/g, " ");

describe("records as terminal text", () => {
  it("prints the card's full title, authors, identifiers and the whole abstract", () => {
    const text = renderText({ kind: "paper", card: resolved({ tldr: "A synthetic TL;DR." }) });
    const lines = text.split("\n");
    expect(lines.slice(0, 4)).toEqual([
      "AlpaServe (OSDI 2023)",
      "  Title:      AlpaServe: Statistical Multiplexing with Model Parallelism for Deep Learning Serving",
      "  Authors:    Zhuohan Li, Lianmin Zheng, Yinmin Zhong et al. (11 authors)",
      "  arXiv:      https://arxiv.org/abs/2302.11665",
    ]);
    expect(lines).toContain("  TL;DR:");
    expect(lines).toContain("  Abstract:");
    expect(flat(text)).toContain(SYNTHETIC_ABSTRACT);
    expect(lines.every((l) => l.length <= 110)).toBe(true);
    expect(lines.at(-1)).toBe("  (Title and authors from DBLP, abstract from arXiv)");
  });

  it("prints all of a 20,000-character abstract on the card, wrapped", () => {
    const text = renderText({ kind: "paper", card: resolved({ abstract: hugeAbstract() }) });
    expect(flat(text)).toContain(flat(hugeAbstract()));
    expect(text.split("\n").every((l) => l.length <= 110)).toBe(true);
  });

  it("announces with the short abstract, and the abstract command prints it whole with its source", () => {
    const announced = renderText({ kind: "announcement", headline: "New paper", items: [{ change: "added", card: resolved({ abstract: hugeAbstract() }), changes: [] }] });
    expect(announced).toContain("Zhuohan Li, Lianmin Zheng, Yinmin Zhong et al. (11 authors)");
    expect(announced).toMatch(/Abstract:\n {4}Sentence number 0000/);
    expect(announced.length).toBeLessThan(2000);
    const whole = renderText({ kind: "abstract", card: resolved(), label: "Abstract", text: SYNTHETIC_ABSTRACT, origin: { source: "arxiv", url: "https://arxiv.org/abs/2302.11665" } });
    expect(whole.split("\n")[0]).toBe("AlpaServe — Statistical Multiplexing with Model Parallelism for Deep Learning Serving");
    expect(flat(whole)).toContain(SYNTHETIC_ABSTRACT);
    expect(whole).toContain("  Source: arXiv, https://arxiv.org/abs/2302.11665");
  });

  it("strips terminal escapes from record text", () => {
    const text = renderText({ kind: "paper", card: resolved({ title: "Evil\u001b[31mRed", authors: ["a\u0007b"], abstract: "Bad\u001b]0;title\u0007 text." }) });
    expect(text).not.toMatch(/[\u0000-\u0008\u001b\u007f]/);
  });

  it("shows an unresolved paper as before", () => {
    expect(renderText({ kind: "paper", card: card({ links: [] }) })).toBe(["AlpaServe (OSDI 2023)", "  Categories: ● Resource Scheduling", "  Reporter:   XiaoKai"].join("\n"));
  });
});
