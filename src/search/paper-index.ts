import { foldKey, type Paper, type PaperList } from "../papers/index.js";
import { nameWords } from "../papers/text.js";
import { NO_RECORDS, type PaperRecords } from "../scholar/record.js";
import { filterPapers, type PaperFilter } from "./filter.js";
import { FUZZY_THRESHOLD, FuzzyMatcher } from "./fuzzy-matcher.js";
import { PrefixTable } from "./prefix-table.js";

export { FUSE_OPTIONS } from "./fuzzy-matcher.js";

export type MatchKind = "exact" | "alias" | "prefix" | "word" | "fuzzy";

/** A search result: lower score is better (0 = exact name), comparable across match kinds. */
export interface Hit {
  paper: Paper;
  score: number;
  match: MatchKind;
}

/**
 * The search index of one list version, built once: exact names and aliases,
 * a prefix table over names and their words, and fuse.js for typos.
 */
export class PaperIndex {
  readonly list: PaperList;
  /** Titles and authors of resolved papers; the index searches them after the names. */
  readonly records: PaperRecords;
  private readonly byId = new Map<string, Paper>();
  private readonly exact = new Map<string, Array<{ entry: number; alias: boolean }>>();
  private readonly names: PrefixTable<number>;
  private readonly words: PrefixTable<number>;
  private readonly fuzzy: FuzzyMatcher;

  constructor(list: PaperList, records: PaperRecords = NO_RECORDS) {
    this.list = list;
    this.records = records;
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
    this.fuzzy = new FuzzyMatcher(list.papers);
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

  /** Exact, alias, name-prefix and word-prefix hits only (no typo matching), best first, at most `limit`. */
  literalHits(query: string, limit: number): Hit[] {
    const key = foldKey(query);
    return key ? this.literalByKey(key, limit) : [];
  }

  private literalByKey(key: string, limit: number): Hit[] {
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

  /** Typo-tolerant hits (see FuzzyMatcher), best first, at most `limit`, fuse.js scores up to `threshold`. */
  fuzzyHits(query: string, limit: number, threshold = FUZZY_THRESHOLD): Hit[] {
    return this.fuzzy.match(query, limit, threshold).map(({ entry, score }) => ({ paper: this.paperAt(entry), score, match: "fuzzy" as const }));
  }

  /** Every kind of match, best first, one hit per paper. */
  search(query: string, limit = 10): Hit[] {
    const key = foldKey(query);
    if (!key) return [];
    const hits = this.literalByKey(key, limit);
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
