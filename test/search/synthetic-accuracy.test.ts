import { describe, expect, it } from "vitest";
import { baselineFirst, buildBaseline } from "../../bench/baseline.js";
import { isRight, labelledQueries, type LabelledQuery } from "../../bench/labelled-queries.js";
import { buildPeers, peerDocs } from "../../bench/search-peers.js";
import { syntheticRows, writeListMarkdown } from "../../bench/synthetic-list.js";
import { syntheticRecords } from "../../bench/synthetic-records.js";
import { foldKey, parseList } from "../../src/papers/index.js";
import { PaperIndex } from "../../src/search/paper-index.js";
import { resolvePaper } from "../../src/search/resolve.js";

// Plain fuse.js scans every record per query, so the comparisons below take seconds on a busy machine (hence their timeouts).
// A 1,200-paper list in the upstream format (over the size where the bigram prefilter takes over), synthetic
// records (titles, authors) for nine papers in ten, and the bench's labelled queries.
const list = parseList(writeListMarkdown(syntheticRows(1200, 7), 7));
const records = syntheticRecords(list.papers, 7);
const queries = labelledQueries(list.papers, 45, 7, records);
const index = new PaperIndex(list, records);

const ourFirst = (q: LabelledQuery) => {
  const found = resolvePaper(index, q.query);
  return found.kind === "one" ? found.paper.id : found.kind === "several" ? (found.hits[0]?.paper.id ?? null) : null;
};
const share = (right: boolean[]) => right.filter(Boolean).length / right.length;

describe("the index on a synthetic 1,200-paper list, against the labelled queries", () => {
  it("has every kind of query in the mix", () => {
    expect(new Set(queries.map((q) => q.kind))).toEqual(new Set(["exact", "case", "alias", "typo1", "typo2", "prefix", "words", "none", "extra", "title", "author"]));
  });

  it("answers every name among extra words as labelled (AlpaServe paper, the Shepherd system, Shepherd NSDI, SpotServe 2024)", () => {
    const extra = queries.filter((q) => q.kind === "extra");
    expect(extra.length).toBeGreaterThanOrEqual(40);
    for (const q of extra) expect({ query: q.query, right: isRight(q, ourFirst(q)) }).toEqual({ query: q.query, right: true });
  });

  it("answers at least 95% of title-word and author queries as labelled", () => {
    for (const kind of ["title", "author"]) {
      const mine = queries.filter((q) => q.kind === kind);
      expect(mine.length).toBeGreaterThanOrEqual(30);
      expect({ kind, share: share(mine.map((q) => isRight(q, ourFirst(q)))) >= 0.95 }).toEqual({ kind, share: true });
    }
  });

  it("is at least as accurate as minisearch, flexsearch and fuse.js over name, title, authors and venue, per kind", () => {
    const peers = buildPeers(peerDocs(list.papers, records));
    // The first 25 of each kind: fuse.js over titles takes tens of milliseconds a query.
    for (const kind of [...new Set(queries.map((q) => q.kind))]) {
      const mine = queries.filter((q) => q.kind === kind).slice(0, 25);
      const ours = share(mine.map((q) => isRight(q, ourFirst(q))));
      for (const peer of peers) {
        const theirs = share(mine.map((q) => isRight(q, peer.first(q.query))));
        expect({ kind, peer: peer.label, atLeastPeer: ours >= theirs }).toEqual({ kind, peer: peer.label, atLeastPeer: true });
      }
    }
  }, 240_000);

  it("answers exact names, casings, aliases, split words and no-match queries exactly as labelled", () => {
    for (const q of queries.filter((q) => ["exact", "case", "alias", "words", "none"].includes(q.kind))) {
      expect({ query: q.query, right: isRight(q, ourFirst(q)) }).toEqual({ query: q.query, right: true });
    }
  });

  it("answers at least 95% of typos and prefixes as labelled", () => {
    for (const kind of ["typo1", "typo2", "prefix"]) {
      const mine = queries.filter((q) => q.kind === kind);
      expect(share(mine.map((q) => isRight(q, ourFirst(q))))).toBeGreaterThanOrEqual(0.95);
    }
  });

  it("is at least as accurate as plain fuse.js with default options, overall and per kind", () => {
    const fuse = buildBaseline(list.papers);
    const ours = queries.map((q) => isRight(q, ourFirst(q)));
    const theirs = queries.map((q) => isRight(q, baselineFirst(fuse, q.query)));
    for (const kind of [...new Set(queries.map((q) => q.kind)), "all"]) {
      const at = queries.flatMap((q, i) => (kind === "all" || q.kind === kind ? [i] : []));
      const atLeastBaseline = share(at.map((i) => ours[i]!)) >= share(at.map((i) => theirs[i]!));
      expect({ kind, atLeastBaseline }).toEqual({ kind, atLeastBaseline: true });
    }
  }, 120_000);

  it("autocompletes a prefix with a paper whose name starts with it", () => {
    for (const q of queries.filter((q) => q.kind === "prefix")) {
      const first = index.suggest(q.query, 25)[0]?.paper;
      expect(first && [first.id, ...first.aliases.map(foldKey)].some((k) => k.startsWith(foldKey(q.query)))).toBe(true);
    }
  });

  it("gives the same title, author and venue answers whatever the limit, common words included", () => {
    const common = ["serving", "models", "model", "learning", "efficient", "osdi", "2023"];
    const position = new Map(list.papers.map((p, at) => [p.id, at]));
    for (const query of [...queries.map((q) => q.query), ...common]) {
      for (const prefix of [false, true]) {
        const long = index.textHits(query, 5_000, prefix).map((h) => [h.paper.id, h.score] as const);
        for (let i = 1; i < long.length; i++) {
          const [[a, sa], [b, sb]] = [long[i - 1]!, long[i]!];
          expect(sa < sb || (sa === sb && position.get(a)! < position.get(b)!)).toBe(true);
        }
        for (const limit of [1, 9, 25]) expect(index.textHits(query, limit, prefix).map((h) => [h.paper.id, h.score])).toEqual(long.slice(0, limit));
      }
    }
    expect(index.textHits("models", 5_000).length).toBeGreaterThan(50);
  });

  it("gives the same typo answers whatever the limit: the best few are the head of a long result list", () => {
    for (const q of queries) {
      const long = index.fuzzyHits(q.query, 300).map((h) => [h.paper.id, h.score]);
      for (const limit of [1, 3, 9, 25]) expect(index.fuzzyHits(q.query, limit).map((h) => [h.paper.id, h.score])).toEqual(long.slice(0, limit));
    }
  });
});
