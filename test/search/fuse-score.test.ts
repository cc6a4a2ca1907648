import Fuse from "fuse.js";
import { describe, expect, it } from "vitest";
import { labelledQueries } from "../../bench/labelled-queries.js";
import { syntheticRows, writeListMarkdown } from "../../bench/synthetic-list.js";
import { parseList } from "../../src/papers/index.js";
import { FuseStrings, type FuseScore } from "../../src/search/fuse-score.js";
import { FUSE_OPTIONS, FUZZY_THRESHOLD, FuzzyMatcher, type FuzzyRecord } from "../../src/search/fuzzy-matcher.js";
import { SubstringMatcher } from "../../src/search/substring-distance.js";
import { buildList, row } from "../helpers/list-builder.js";

/** For every record: the score real fuse.js gives it for the query (Infinity: not matched), and ours. */
function bothScores(records: FuzzyRecord[], query: string): Array<{ entry: number; theirs: number; ours: number }> {
  const fuse = new Fuse(records, FUSE_OPTIONS);
  const strings = new FuseStrings(fuse.getIndex());
  const theirs = new Map(fuse.search(query).map((r) => [r.item.entry, r.score]));
  const pattern = query.toLowerCase();
  strings.prepare(new SubstringMatcher(pattern), pattern, FUZZY_THRESHOLD);
  const out: FuseScore = { score: 0, coverage: 0, errors: 0 };
  return records.map((r) => {
    strings.score(r.entry, out);
    return { entry: r.entry, theirs: theirs.get(r.entry) ?? Infinity, ours: out.score };
  });
}

function random(seed: number) {
  let state = seed;
  return () => (state = (Math.imul(state, 1103515245) + 12345) & 0x7fffffff) / 0x7fffffff;
}

describe("the score fuse.js gives a record, computed without fuse.js", () => {
  it("is bit for bit the score fuse.js 7.5 gives, on a 1,200-paper list and every labelled query", () => {
    const list = parseList(writeListMarkdown(syntheticRows(1200, 7), 7));
    const records: FuzzyRecord[] = list.papers.map((p, entry) => ({ entry, name: p.name, key: p.id, aliases: p.aliases }));
    const queries = labelledQueries(list.papers, 25, 7).filter((q) => q.query.toLowerCase().length <= 32);
    let matched = 0;
    for (const q of queries) {
      for (const { entry, theirs, ours } of bothScores(records, q.query)) {
        if (ours !== theirs) expect({ query: q.query, entry, ours }).toEqual({ query: q.query, entry, ours: theirs });
        if (theirs < Infinity) matched++;
      }
    }
    expect(queries.length).toBeGreaterThan(120);
    expect(matched).toBeGreaterThan(5_000);
  }, 120_000);

  it("is bit for bit the score fuse.js gives on random names, aliases and queries (exact, cased, accented, repeated strings)", () => {
    const next = random(3);
    const alphabet = "abcaBé漢 -";
    const word = (max: number, min = 1) => Array.from({ length: min + Math.floor(next() * (max - min + 1)) }, () => alphabet[Math.floor(next() * alphabet.length)]).join("");
    let compared = 0;
    let exact = 0;
    for (let round = 0; round < 60; round++) {
      const records: FuzzyRecord[] = Array.from({ length: 40 }, (_, entry) => {
        const name = word(14);
        const key = next() < 0.3 ? name : word(14);
        const aliases = Array.from({ length: Math.floor(next() * 3) }, () => (next() < 0.3 ? name.toUpperCase() : word(10)));
        return { entry, name, key, aliases };
      });
      for (let n = 0; n < 12; n++) {
        const query = n < 3 ? records[n]!.name : word(12);
        if (query.trim().length === 0) continue;
        for (const { entry, theirs, ours } of bothScores(records, query)) {
          if (ours !== theirs) expect({ query, record: records[entry], ours }).toEqual({ query, record: records[entry], ours: theirs });
          compared++;
          if (theirs < 1e-10) exact++;
        }
      }
    }
    expect(compared).toBeGreaterThan(25_000);
    expect(exact).toBeGreaterThan(30);
  }, 120_000);

  it("scores a query over 32 characters once lowercased by its typos to the whole name, or to its start", () => {
    const list = parseList(buildList([row("Serving Large Models At Planet Scale With Spot Instances"), row("Serving Large Models At Planet Scale"), row("AlpaServe"), row("SpotServe")]));
    const matcher = new FuzzyMatcher(list.papers);
    const first = (query: string) => list.papers[matcher.match(query, 5, FUZZY_THRESHOLD)[0]?.entry ?? -1]?.name ?? null;
    // "İ" lowercases to two code units: 32 typed, 33 to compare.
    for (const query of ["serving large models at planet scale wiht spot instances", "SERVİNG LARGE MODELS AT PLANET SCALE WITH SPOT INSTANCS"]) {
      expect(query.toLowerCase().length).toBeGreaterThan(32);
      expect(first(query)).toBe("Serving Large Models At Planet Scale With Spot Instances");
    }
    expect(first("Serving Large Modles At Planet Scael")).toBe("Serving Large Models At Planet Scale");
    expect(first("serving large models at planet scale wiht spot")).toBe("Serving Large Models At Planet Scale With Spot Instances");
    expect(matcher.match("completely unrelated words about gardening and bread", 5, FUZZY_THRESHOLD)).toEqual([]);
  });
});
