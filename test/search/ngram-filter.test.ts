import { describe, expect, it } from "vitest";
import { bigrams, NgramFilter } from "../../src/search/ngram-filter.js";

describe("the bigram prefilter", () => {
  const filter = new NgramFilter([["alpaserve"], ["spotserve"], ["sia"], ["cba", "autocba"], ["kairos"], ["alpaserve2"]]);

  it("splits a key into bigrams with start and end markers", () => {
    expect(bigrams("sia")).toEqual(["^s", "si", "ia", "a$"]);
  });

  it("puts the entries sharing the most bigrams first, the earlier entry first on a tie", () => {
    expect(filter.candidates("alpasrve", 3)).toEqual([0, 5, 1]);
    expect(filter.candidates("autocb", 2)).toEqual([3, 0]);
  });

  it("returns at most `limit` entries, none below `minShared`, and nothing for unknown bigrams", () => {
    expect(filter.candidates("serve", 2)).toHaveLength(2);
    expect(filter.candidates("sia", 10, 3)).toEqual([2]);
    expect(filter.candidates("qqq", 10)).toEqual([]);
  });

  it("keeps no state between queries", () => {
    const first = filter.candidates("kairos", 10);
    filter.candidates("alpaserve", 10);
    expect(filter.candidates("kairos", 10)).toEqual(first);
  });
});
