import { describe, expect, it } from "vitest";
import { cardLabel } from "../../src/replies/plain-text.js";
import { authorLine, fitProse, identifierLinks, shortAbstract, sourcesLine, splitProse, titledName, wholeAbstract } from "../../src/replies/record-view.js";
import { card } from "../discord/cards.js";
import { ALPASERVE_AUTHORS, alpaServeRecord, hugeAbstract, SYNTHETIC_ABSTRACT } from "../helpers/records.js";

describe("what a card shows of a record", () => {
  it("names the first three authors, then et al. with the count; all of them when there are three or fewer", () => {
    expect(authorLine(ALPASERVE_AUTHORS)).toBe("Zhuohan Li, Lianmin Zheng, Yinmin Zhong et al. (11 authors)");
    expect(authorLine(["A One", "B Two", "C Three"])).toBe("A One, B Two, C Three");
    expect(authorLine([])).toBe("");
  });

  it("titles a paper by its name and full title, without repeating the name", () => {
    expect(titledName(card({ record: alpaServeRecord() }))).toBe("AlpaServe — Statistical Multiplexing with Model Parallelism for Deep Learning Serving");
    expect(titledName(card({ record: alpaServeRecord({ title: "Efficient Serving of Many Models." }) }))).toBe("AlpaServe — Efficient Serving of Many Models");
    expect(titledName(card({ record: alpaServeRecord({ title: "AlpaServe" }) }))).toBe("AlpaServe");
    expect(titledName(card())).toBe("AlpaServe");
  });

  it("cuts a long title at a word to fit a label, keeping venue and year", () => {
    const label = cardLabel(card({ record: alpaServeRecord() }), 70);
    expect(label).toBe("AlpaServe — Statistical Multiplexing with Model… (OSDI 2023)");
    expect(label.length).toBeLessThanOrEqual(70);
    expect(cardLabel(card())).toBe("AlpaServe (OSDI 2023)");
  });

  it("shortens an abstract at a sentence when one fits, else at a word, with an ellipsis", () => {
    const first = SYNTHETIC_ABSTRACT.split(". ")[0] as string;
    expect(fitProse(SYNTHETIC_ABSTRACT, 150)).toBe(`${first}. …`);
    const words = fitProse(SYNTHETIC_ABSTRACT, 40);
    expect(words).toBe("Serving many large models on a shared…");
    expect(fitProse("Short enough.", 100)).toBe("Short enough.");
  });

  it("keeps a short abstract within the budget as the platform measures it", () => {
    const doubled = (s: string) => s.length * 2;
    const short = shortAbstract(alpaServeRecord({ abstract: hugeAbstract() }), 500, doubled);
    expect(short?.label).toBe("Abstract");
    expect(doubled(short?.text ?? "")).toBeLessThanOrEqual(500);
    expect(short?.text.endsWith("…")).toBe(true);
    expect(short?.whole).toBe(false);
  });

  it("prefers the TL;DR over the abstract", () => {
    const short = shortAbstract(alpaServeRecord({ tldr: "A synthetic one-line summary." }), 500);
    expect(short).toMatchObject({ label: "TL;DR", text: "A synthetic one-line summary." });
    expect(shortAbstract(undefined, 500)).toBeUndefined();
    expect(shortAbstract(alpaServeRecord({ abstract: undefined }), 500)).toBeUndefined();
  });

  it("splits a 20,000-character abstract into pieces within the limit that together hold every word", () => {
    const text = hugeAbstract();
    const pieces = splitProse(text, 3000);
    expect(pieces.length).toBe(7);
    for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(3000);
    expect(pieces.join(" ").split(/\s+/)).toEqual(text.split(/\s+/));
    expect(splitProse("x".repeat(7000), 3000).map((p) => p.length)).toEqual([3000, 3000, 1000]);
  });

  it("keeps paragraphs and joins arXiv's wrapped lines", () => {
    expect(wholeAbstract(alpaServeRecord({ abstract: "First line\n  wraps here.\n\nSecond paragraph." }))?.text).toBe("First line wraps here.\n\nSecond paragraph.");
  });

  it("links DOI, arXiv and DBLP, percent-encoding what an identifier could smuggle", () => {
    const record = alpaServeRecord({ ids: { doi: "10.1145/x y?#<", arxiv: "2302.11665", dblp: "conf/osdi/LiZZL00HHZGS23" } });
    expect(identifierLinks(record)).toEqual([
      { label: "DOI", id: "10.1145/x y?#<", url: "https://doi.org/10.1145/x%20y%3F%23%3C" },
      { label: "arXiv", id: "2302.11665", url: "https://arxiv.org/abs/2302.11665" },
      { label: "DBLP", id: "conf/osdi/LiZZL00HHZGS23", url: "https://dblp.org/rec/conf/osdi/LiZZL00HHZGS23" },
    ]);
    expect(identifierLinks(undefined)).toEqual([]);
  });

  it("says where the fields came from", () => {
    expect(sourcesLine(alpaServeRecord())).toBe("Title and authors from DBLP, abstract from arXiv");
  });
});
