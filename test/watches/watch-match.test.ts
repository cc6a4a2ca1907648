import { describe, expect, it } from "vitest";
import type { Paper } from "../../src/papers/index.js";
import type { PaperRecord } from "../../src/papers/record.js";
import { matchesWatch } from "../../src/watches/watch-match.js";

const paper: Paper = { id: "fixtureserve", name: "FixtureServe", aliases: [], year: 2025, venue: "arXiv", tags: ["resource-scheduling"], links: {}, reporters: ["hzq"], lines: [30] };
// A fixture record, not a real paper.
const record: PaperRecord = {
  title: "FixtureServe: A Fixture Title",
  authors: ["Íon Stoica", "Ann Example"],
  abstract: "Fixture abstract. It reuses the KV cache across requests.",
  venue: "OSDI",
  ids: {},
  origins: {},
  fetchedAt: "2026-11-28T00:00:00Z",
};

describe("matching a watch", () => {
  it("finds an author in the record, accents and case aside, and never in a row without a record", () => {
    expect(matchesWatch(paper, record, { kind: "author", value: "ion stoica" })).toBe(true);
    expect(matchesWatch(paper, record, { kind: "author", value: "I. Stoica" })).toBe(true);
    expect(matchesWatch(paper, record, { kind: "author", value: "Joseph Gonzalez" })).toBe(false);
    expect(matchesWatch(paper, undefined, { kind: "author", value: "Ion Stoica" })).toBe(false);
  });

  it("matches an author as papers --author does: a surname, never a given name alone, a lone letter or a word's start", () => {
    expect(matchesWatch(paper, record, { kind: "author", value: "Stoica" })).toBe(true);
    expect(matchesWatch(paper, record, { kind: "author", value: "Stoica, I." })).toBe(true);
    for (const value of ["Ion", "I", "S", "A", "Ann", "Stoic", "A. Stoica"]) expect(matchesWatch(paper, record, { kind: "author", value }), value).toBe(false);
    // An author written surname first, as BibTeX does, and DBLP's number suffix.
    const bibtexOrder: PaperRecord = { ...record, authors: ["Gonzalez, Joseph E.", "Xin Jin 0008"] };
    expect(matchesWatch(paper, bibtexOrder, { kind: "author", value: "Joseph Gonzalez" })).toBe(true);
    expect(matchesWatch(paper, bibtexOrder, { kind: "author", value: "Joseph" })).toBe(false);
    expect(matchesWatch(paper, bibtexOrder, { kind: "author", value: "X. Jin" })).toBe(true);
  });

  it("finds a keyword as a phrase in the record's abstract, else in the row's name", () => {
    expect(matchesWatch(paper, record, { kind: "keyword", value: "KV cache" })).toBe(true);
    expect(matchesWatch(paper, record, { kind: "keyword", value: "kv-caches" })).toBe(true);
    expect(matchesWatch(paper, record, { kind: "keyword", value: "cache KV" })).toBe(false);
    expect(matchesWatch(paper, undefined, { kind: "keyword", value: "KV cache" })).toBe(false);
    expect(matchesWatch(paper, undefined, { kind: "keyword", value: "fixtureserve" })).toBe(true);
  });

  it("matches a category on the row and a venue on the row or the record", () => {
    expect(matchesWatch(paper, undefined, { kind: "tag", value: "resource-scheduling" })).toBe(true);
    expect(matchesWatch(paper, undefined, { kind: "venue", value: "ARXIV" })).toBe(true);
    expect(matchesWatch(paper, record, { kind: "venue", value: "osdi" })).toBe(true);
    expect(matchesWatch(paper, undefined, { kind: "venue", value: "OSDI" })).toBe(false);
  });
});
