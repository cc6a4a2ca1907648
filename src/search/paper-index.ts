import { foldKey, type Paper, type PaperList } from "../papers/index.js";
import { nameWords } from "../papers/text.js";
import { NO_RECORDS, type PaperRecord, type PaperRecords } from "../papers/record.js";
import { filterPapers, type PaperFilter } from "./filter.js";
import { FUZZY_THRESHOLD, FuzzyMatcher } from "./fuzzy-matcher.js";
import { namedByWords, queryWords } from "./named-words.js";
import { PrefixTable } from "./prefix-table.js";
import { nameKey } from "./name-key.js";
import { MAX_PATTERN } from "./pattern-masks.js";
import { TextIndex, type PaperText } from "./text-index.js";
import { meaningfulWords, STOPWORDS } from "./text-words.js";

export { FUSE_OPTIONS } from "./fuzzy-matcher.js";

/**
 * exact, alias: the whole query is a name; prefix, word: it starts a name or one of its words;
 * named: one word of a longer query is a name ("AlpaServe paper"); text: title, author or venue words;
 * fuzzy: a name with typos.
 */
export type MatchKind = "exact" | "alias" | "prefix" | "word" | "named" | "text" | "fuzzy";

/** Hits enough to fill a pick-list: no need to look for typos beyond them. */
const ANSWERED_AT = 8;

/** A search result: lower score is better (0 = exact name), comparable across match kinds. */
export interface Hit {
  paper: Paper;
  score: number;
  match: MatchKind;
  /** named: how many other words of the query the paper does not explain (0: all of them). */
  leftOver?: number;
}

/**
 * The search index of one list version and its records, built once: exact
 * names and aliases, a prefix table over names and their words, the words of
 * titles, authors and venues, and fuse.js for typos. A name always ranks
 * before a title word.
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
  private readonly text: TextIndex;
  /** The longest folded name or alias. */
  private readonly longestName: number;

  constructor(list: PaperList, records: PaperRecords = NO_RECORDS) {
    this.list = list;
    this.records = records;
    const nameEntries: Array<[string, number]> = [];
    const wordEntries: Array<[string, number]> = [];
    list.papers.forEach((paper, entry) => {
      this.byId.set(paper.id, paper);
      const name = nameKey(paper);
      this.addExact(name, entry, false);
      for (const alias of paper.aliases) this.addExact(foldKey(alias), entry, true);
      nameEntries.push([name, entry]);
      for (const alias of paper.aliases) nameEntries.push([foldKey(alias), entry]);
      for (const word of new Set(nameWords(paper.name)).values()) wordEntries.push([word, entry]);
    });
    let longest = 0;
    for (const key of this.exact.keys()) longest = Math.max(longest, key.length);
    this.longestName = longest;
    this.names = new PrefixTable(nameEntries);
    this.words = new PrefixTable(wordEntries);
    this.fuzzy = new FuzzyMatcher(list.papers);
    this.text = new TextIndex(list.papers.map((paper) => paperText(paper, records.get(paper.id))));
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

  /**
   * The one paper "<name>@<list>" names: called that (or so aliased) on that
   * list ("atom@mss", "atom@llmsys", as pick-lists send them; see paperRef).
   */
  byRef(query: string): Paper | undefined {
    const ref = /^(.+)@([a-z][a-z0-9_-]{0,23})$/.exec(query.trim().toLowerCase());
    if (!ref) return undefined;
    const name = ref[1] as string;
    const list = ref[2] as string;
    const exact = this.byId.get(`${name}@${list}`) ?? this.byId.get(`${foldKey(name)}@${list}`);
    if (exact) return exact;
    // A pick-list's "<id>@<list>": the paper of that id, on that list ("tempo-2@mss", the list's second Tempo).
    const byId = this.byId.get(name);
    if (byId?.lists?.includes(list)) return byId;
    const named = (this.exact.get(foldKey(name)) ?? []).map((e) => this.paperAt(e.entry)).filter((p) => p.lists?.includes(list));
    return named.length === 1 ? named[0] : undefined;
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
  fuzzyHits(query: string, limit: number, threshold = FUZZY_THRESHOLD, whole?: string): Hit[] {
    return this.fuzzy.match(query, limit, threshold, whole).map(({ entry, score }) => ({ paper: this.paperAt(entry), score, match: "fuzzy" as const }));
  }

  /**
   * Papers one word (or run of words) of a many-word query names, the others
   * being context ("Shepherd NSDI", "the Shepherd system"): best first, those
   * whose title, authors, venue or year have more of the other words first.
   */
  namedHits(query: string, limit: number): Hit[] {
    const words = queryWords(query);
    const length = words.keys.join("").length;
    // Scores keep the order of compareNamed, but for a whole name before an alias: those stay equal, so that resolvePaper offers both.
    return namedByWords(words, this.exact, this.text, this.longestName)
      .slice(0, limit)
      .map(({ entry, unmatched, covered }) => ({
        paper: this.paperAt(entry),
        score: 0.19 + (0.008 * unmatched) / (unmatched + 1) + 0.0015 * (1 - covered / length),
        match: "named" as const,
        leftOver: unmatched,
      }));
  }

  /** Papers whose whole name (or alias) is the query with a typo or two, best first (see FuzzyMatcher.wholeNameTypos). */
  wholeNameTypos(query: string, limit: number): Hit[] {
    return this.fuzzy.wholeNameTypos(query, limit).map(({ entry, score }) => ({ paper: this.paperAt(entry), score, match: "fuzzy" as const }));
  }

  /**
   * Papers whose title, authors and venue have every meaningful word of the
   * query ("multiplexing", "Ion Stoica"), best first; with `prefix`, the last
   * word may be the start of a word, as while typing.
   */
  textHits(query: string, limit: number, prefix = false): Hit[] {
    const words = meaningfulWords(queryWords(query).words);
    return this.text.search(words, limit, prefix).map(({ entry, score }) => ({ paper: this.paperAt(entry), score, match: "text" as const }));
  }

  /**
   * What the typo stage is given for a query, or null when it should not run:
   * a many-word query without its stopwords ("the Shepherd sytem" -> "Shepherd
   * sytem"; the stage also tries the query whole, as a name may have
   * stopwords: see fuzzyHits' `whole`), a query still longer than 32 characters as
   * it is (a many-word title, counted by its typos to whole names), and
   * nothing longer than any name can be with two typos.
   */
  typoQuery(query: string): string | null {
    const whole = query.trim().replace(/\s+/g, " ");
    if (foldKey(whole).length === 0) return null;
    const parts = whole.split(" ");
    const kept = parts.length > 1 ? parts.filter((w) => !STOPWORDS.has(w.toLowerCase())) : parts;
    const typed = (kept.length > 0 ? kept : parts).join(" ");
    if (typed.length <= MAX_PATTERN) return typed;
    return foldKey(whole).length <= this.fuzzy.longestKey + 2 ? whole : null;
  }

  /**
   * Every kind of match, one hit per paper, in stage order: names (exact,
   * alias, prefix, word), a name among other words, title/author/venue words,
   * then names with typos (only when the earlier stages left room and did not
   * already answer: see `answered`).
   */
  search(query: string, limit = 10): Hit[] {
    const key = foldKey(query);
    if (!key) return [];
    const hits = this.literalByKey(key, limit);
    const seen = new Set(hits.map((h) => h.paper.id));
    const add = (found: Hit[]) => {
      for (const hit of found) {
        if (hits.length >= limit) return;
        if (!seen.has(hit.paper.id)) hits.push(hit);
        seen.add(hit.paper.id);
      }
    };
    if (hits.length < limit) add(this.namedHits(query, limit));
    if (hits.length < limit) add(this.textHits(query, limit, true));
    if (hits.length < limit && !this.answered(query, hits)) {
      const typed = this.typoQuery(query);
      if (typed !== null) add(this.fuzzyHits(typed, limit, FUZZY_THRESHOLD, query));
    }
    return hits;
  }

  /**
   * Whether the literal and word stages already answered, so that typo
   * matching (the one costly stage) would only add noise: the query is a
   * name, a many-word query found its paper, or a pick-list is full.
   */
  private answered(query: string, hits: Hit[]): boolean {
    if (hits.length >= ANSWERED_AT) return true;
    if (hits.some((h) => h.match === "exact" || h.match === "alias")) return true;
    return hits.length > 0 && /\S\s+\S/.test(query.trim());
  }

  /** Autocomplete: list order for an empty query, else every kind of match (see search). */
  suggest(query: string, limit = 25): Hit[] {
    if (!foldKey(query)) return this.list.papers.slice(0, limit).map((paper) => ({ paper, score: 1, match: "prefix" }));
    return this.search(query, limit);
  }

  filter(filter: PaperFilter): Paper[] {
    return filterPapers(this.list.papers, this.list.legend, filter, this.records);
  }
}

/** The words a paper is found by besides its name: its title and authors (the record's, else the list's), its venues and year. */
function paperText(paper: Paper, record: PaperRecord | undefined): PaperText {
  const place = [paper.venue, record?.venue, paper.year, record?.year].filter((p) => p !== null && p !== undefined).map(String);
  return { title: record?.title ?? paper.title ?? "", authors: record?.authors ?? paper.authors ?? [], place };
}
