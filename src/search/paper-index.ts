import Fuse, { type IFuseOptions } from "fuse.js";
import { foldKey, type Paper, type PaperList } from "../papers/index.js";
import { nameWords } from "../papers/text.js";
import { filterPapers, type PaperFilter } from "./filter.js";
import { editDistance, typoBudget } from "./edit-distance.js";
import { NgramFilter } from "./ngram-filter.js";
import { PrefixTable } from "./prefix-table.js";

export type MatchKind = "exact" | "alias" | "prefix" | "word" | "fuzzy";

/** A search result: lower score is better (0 = exact name), comparable across match kinds. */
export interface Hit {
  paper: Paper;
  score: number;
  match: MatchKind;
}

interface FuzzyRecord {
  entry: number;
  name: string;
  key: string;
  aliases: string[];
}

/** Lists at most this long are scored by fuse.js whole; longer ones go through the bigram prefilter first. */
const FULL_SCAN_LIMIT = 400;
const FUZZY_CANDIDATES = 300;
const FUZZY_THRESHOLD = 0.4;

export const FUSE_OPTIONS: IFuseOptions<FuzzyRecord> = {
  keys: [
    { name: "name", weight: 2 },
    { name: "key", weight: 2 },
    { name: "aliases", weight: 1 },
  ],
  includeScore: true,
  ignoreLocation: true,
  threshold: FUZZY_THRESHOLD,
};

/**
 * The search index of one list version, built once: exact names and aliases,
 * a prefix table over names and their words, and fuse.js for typos.
 */
export class PaperIndex {
  readonly list: PaperList;
  private readonly byId = new Map<string, Paper>();
  private readonly exact = new Map<string, Array<{ entry: number; alias: boolean }>>();
  private readonly names: PrefixTable<number>;
  private readonly words: PrefixTable<number>;
  private readonly records: FuzzyRecord[];
  private readonly fullFuse: Fuse<FuzzyRecord> | undefined;
  private readonly ngrams: NgramFilter | undefined;

  constructor(list: PaperList) {
    this.list = list;
    const nameEntries: Array<[string, number]> = [];
    const wordEntries: Array<[string, number]> = [];
    list.papers.forEach((paper, entry) => {
      this.byId.set(paper.id, paper);
      this.addExact(paper.id, entry, false);
      for (const alias of paper.aliases) this.addExact(foldKey(alias), entry, true);
      nameEntries.push([paper.id, entry]);
      for (const alias of paper.aliases) nameEntries.push([foldKey(alias), entry]);
      for (const word of new Set(nameWords(paper.name)).values()) wordEntries.push([word, entry]);
    });
    this.names = new PrefixTable(nameEntries);
    this.words = new PrefixTable(wordEntries);
    this.records = list.papers.map((p, entry) => ({ entry, name: p.name, key: p.id, aliases: p.aliases }));
    if (this.records.length <= FULL_SCAN_LIMIT) this.fullFuse = new Fuse(this.records, FUSE_OPTIONS);
    else this.ngrams = new NgramFilter(this.records.map((r) => [r.key, ...r.aliases.map(foldKey)]));
  }

  private addExact(key: string, entry: number, alias: boolean): void {
    if (!key) return;
    const list = this.exact.get(key) ?? [];
    if (!list.some((e) => e.entry === entry)) list.push({ entry, alias });
    this.exact.set(key, list);
  }

  private paperAt(entry: number): Paper {
    return this.list.papers[entry] as Paper;
  }

  get size(): number {
    return this.list.papers.length;
  }

  get(id: string): Paper | undefined {
    return this.byId.get(id);
  }

  /** Exact, then prefix, then word-prefix hits, best first, at most `limit`. */
  private literalHits(key: string, limit: number): Hit[] {
    const hits: Hit[] = [];
    const seen = new Set<number>();
    const push = (entry: number, score: number, match: MatchKind) => {
      if (seen.has(entry) || hits.length >= limit) return;
      seen.add(entry);
      hits.push({ paper: this.paperAt(entry), score, match });
    };
    for (const { entry, alias } of this.exact.get(key) ?? []) push(entry, alias ? 0.01 : 0, alias ? "alias" : "exact");
    this.names.scan(key, (name, entry) => {
      push(entry, 0.05 + 0.1 * (1 - key.length / name.length), "prefix");
      return hits.length < limit;
    });
    this.words.scan(key, (word, entry) => {
      push(entry, 0.15 + 0.05 * (1 - key.length / word.length), "word");
      return hits.length < limit;
    });
    return hits.sort((a, b) => a.score - b.score);
  }

  /**
   * Typo-tolerant hits: fuse.js scores plus an edit-distance check for short
   * transpositions, over every record or over the prefiltered candidates of a large list.
   */
  fuzzyHits(query: string, limit: number, threshold = FUZZY_THRESHOLD): Hit[] {
    const key = foldKey(query);
    if (key.length < 2) return [];
    let fuse = this.fullFuse;
    let candidates = this.records;
    if (!fuse) {
      candidates = (this.ngrams?.candidates(key, FUZZY_CANDIDATES) ?? []).map((entry) => this.records[entry] as FuzzyRecord);
      fuse = new Fuse(candidates, FUSE_OPTIONS);
    }
    const best = new Map<number, number>();
    const keep = (entry: number, score: number) => best.set(entry, Math.min(score, best.get(entry) ?? Infinity));
    for (const r of fuse.search(query.slice(0, 64), { limit })) {
      if ((r.score ?? 1) <= threshold) keep(r.item.entry, Math.max(0.2, r.score ?? 1));
    }
    const budget = typoBudget(key.length);
    for (const record of budget > 0 ? candidates : []) {
      for (const name of [record.key, ...record.aliases.map(foldKey)]) {
        const distance = editDistance(key, name, budget);
        if (distance <= budget) keep(record.entry, 0.2 + (0.1 * distance) / key.length);
      }
    }
    return [...best]
      .sort(([a, sa], [b, sb]) => sa - sb || a - b)
      .slice(0, limit)
      .map(([entry, score]) => ({ paper: this.paperAt(entry), score, match: "fuzzy" as const }));
  }

  /** Every kind of match, best first, one hit per paper. */
  search(query: string, limit = 10): Hit[] {
    const key = foldKey(query);
    if (!key) return [];
    const hits = this.literalHits(key, limit);
    if (hits.length < limit) {
      const seen = new Set(hits.map((h) => h.paper.id));
      for (const hit of this.fuzzyHits(query, limit)) {
        if (hits.length >= limit) break;
        if (!seen.has(hit.paper.id)) hits.push(hit);
        seen.add(hit.paper.id);
      }
    }
    return hits;
  }

  /** Autocomplete: list order for an empty query, else literal matches and then typo matches. */
  suggest(query: string, limit = 25): Hit[] {
    if (!foldKey(query)) return this.list.papers.slice(0, limit).map((paper) => ({ paper, score: 1, match: "prefix" }));
    return this.search(query, limit);
  }

  filter(filter: PaperFilter): Paper[] {
    return filterPapers(this.list.papers, this.list.legend, filter);
  }
}
