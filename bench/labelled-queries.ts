import { foldKey, type Paper } from "../src/papers/index.js";
import { nameWords } from "../src/papers/text.js";
import { NO_RECORDS, type PaperRecords } from "../src/papers/record.js";
import { editDistance } from "../src/search/edit-distance.js";
import { STOPWORDS, textWords } from "../src/search/text-words.js";
import { Prng } from "./prng.js";

export type QueryKind = "exact" | "case" | "alias" | "typo1" | "typo2" | "prefix" | "words" | "none" | "extra" | "title" | "author";

/**
 * A query and the papers that count as a right first answer. `accept` is
 * computed from the list alone, never from either engine: for a prefix, every
 * paper with a name or alias starting with it; for a typo, every paper at
 * least as close (edit distance) as the intended one or containing the typed
 * text, or having it as a word of its title, authors or venue; for a no-match
 * query, none. With records: a name among extra words ("SpotServe 2024") is
 * answered right by the papers of that name; title words by any paper whose
 * title, authors or venue has them all, or whose name starts with them (a name
 * wins); an author's name by that author's papers.
 */
export interface LabelledQuery {
  kind: QueryKind;
  query: string;
  /** The paper the query was made from; null for a no-match query. */
  expected: string | null;
  accept: ReadonlySet<string>;
}

const JUNK_LETTERS = "qjxzvwy";
const JUNK_PHRASES = ["quantum teleportation", "banana bread recipe", "weather tomorrow", "xyzzy", "lorem ipsum dolor"];

function keysOf(paper: Paper): string[] {
  return [paper.id, ...paper.aliases.map(foldKey)];
}

/** One random edit (substitute, delete, insert, swap neighbours) at a position not in `avoid`. */
function typo(rng: Prng, text: string, avoid: Set<number>): { text: string; at: number } {
  const letters = "abcdefghijklmnopqrstuvwxyz";
  for (;;) {
    const at = rng.int(1, text.length - 2); // people rarely get the first letter wrong
    if (avoid.has(at) || avoid.has(at + 1) || avoid.has(at - 1)) continue;
    const op = rng.int(0, 3);
    const out =
      op === 0
        ? text.slice(0, at) + rng.pick([...letters]) + text.slice(at + 1)
        : op === 1
          ? text.slice(0, at) + text.slice(at + 1)
          : op === 2
            ? text.slice(0, at) + rng.pick([...letters]) + text.slice(at)
            : text.slice(0, at) + text.charAt(at + 1) + text.charAt(at) + text.slice(at + 2);
    if (out !== text) return { text: out, at };
  }
}

/** The folded words of a paper's title, authors, venues and year, as both sides index them. */
function wordsOf(paper: Paper, records: PaperRecords): Set<string> {
  const record = records.get(paper.id);
  const texts = [record?.title ?? "", ...(record?.authors ?? []), paper.venue ?? "", record?.venue ?? "", String(paper.year ?? ""), String(record?.year ?? "")];
  return new Set(texts.flatMap(textWords));
}

/**
 * Builds the labelled mix over a list: `targets` papers, each giving several
 * kinds of query, plus no-match queries; with records, also a name among extra
 * words, title words and authors' names.
 */
export function labelledQueries(papers: Paper[], targets: number, seed: number, records: PaperRecords = NO_RECORDS): LabelledQuery[] {
  const rng = new Prng(seed);
  const texts = papers.map((p) => ({ id: p.id, words: wordsOf(p, records) }));
  const withWords = (words: string[]) => texts.filter((t) => words.every((w) => t.words.has(w))).map((t) => t.id);
  const allKeys = papers.map((p) => ({ id: p.id, keys: keysOf(p) }));
  const withKey = (key: string) => new Set(allKeys.filter((p) => p.keys.includes(key)).map((p) => p.id));
  const withPrefix = (prefix: string) => new Set(allKeys.filter((p) => p.keys.some((k) => k.startsWith(prefix))).map((p) => p.id));
  // A typo is answered right by any paper at least as close as the intended one, or one that contains it as typed.
  const asClose = (query: string, target: Paper) => {
    const q = foldKey(query);
    const best = Math.min(...keysOf(target).map((k) => editDistance(q, k, 8)));
    const close = allKeys.filter((p) => p.keys.some((k) => k.includes(q) || editDistance(q, k, best) <= best)).map((p) => p.id);
    return new Set([...close, ...withWords(textWords(query))]);
  };

  const queries: LabelledQuery[] = [];
  const add = (kind: QueryKind, query: string, expected: string | null, accept: Set<string>) => queries.push({ kind, query, expected, accept });
  const chosen = rng.shuffle(papers).slice(0, targets);
  chosen.forEach((paper, n) => {
    // What a person types: the long form of "CBA/AutoCBA", the main name of "Foo (Bar)".
    const typed = paper.aliases.reduce((a, b) => (b.length > a.length ? b : a), paper.aliases.length > 0 ? "" : paper.name);
    const key = foldKey(typed);
    add("exact", paper.name, paper.id, withKey(paper.id));
    const cased = n % 3 === 0 ? typed.toLowerCase() : n % 3 === 1 ? typed.toUpperCase() : [...typed].map((c) => (rng.chance(0.5) ? c.toUpperCase() : c.toLowerCase())).join("");
    add("case", cased, paper.id, withKey(foldKey(cased)));
    const alias = paper.aliases.find((a) => a !== typed);
    if (alias) add("alias", alias, paper.id, withKey(foldKey(alias)));
    if (key.length >= 5) {
      const one = typo(rng, key, new Set());
      if (foldKey(one.text) !== key) add("typo1", one.text, paper.id, asClose(one.text, paper));
    }
    if (key.length >= 8) {
      const first = typo(rng, key, new Set());
      const two = typo(rng, first.text, new Set([first.at]));
      if (foldKey(two.text) !== key) add("typo2", two.text, paper.id, asClose(two.text, paper));
    }
    const length = 1 + (n % 6);
    if (key.length > length) add("prefix", key.slice(0, length), paper.id, withPrefix(key.slice(0, length)));
    const words = nameWords(typed);
    if (words.length >= 2) add("words", words.join(" "), paper.id, withKey(words.join("")));
  });
  for (let i = 0; queries.filter((q) => q.kind === "none").length < Math.max(5, Math.round(targets / 5)); i++) {
    const query = i < JUNK_PHRASES.length ? (JUNK_PHRASES[i] as string) : Array.from({ length: rng.int(5, 8) }, () => rng.pick([...JUNK_LETTERS])).join("");
    const q = foldKey(query);
    // A no-match query must be far from every name, and the prefix of none.
    if (allKeys.some((p) => p.keys.some((k) => k.startsWith(q) || editDistance(q, k, 3) <= 3))) continue;
    if (withWords(textWords(query)).length > 0) continue;
    add("none", query, null, new Set());
  }
  if (records.size > 0) queries.push(...recordQueries(papers, records, chosen, seed, { withKey, withWords }));
  return queries;
}

/** Queries that need the records: a name among extra words, title words, an author's name. */
function recordQueries(
  papers: Paper[],
  records: PaperRecords,
  chosen: Paper[],
  seed: number,
  find: { withKey: (key: string) => Set<string>; withWords: (words: string[]) => string[] },
): LabelledQuery[] {
  const rng = new Prng(seed ^ 0x3e77a);
  const queries: LabelledQuery[] = [];
  const frequency = new Map<string, number>();
  for (const p of papers) for (const w of new Set(textWords(records.get(p.id)?.title ?? ""))) frequency.set(w, (frequency.get(w) ?? 0) + 1);
  // A name wins over a title word: papers whose name or a word of it starts with the query, or that a word of it names, count as right too.
  const nameStarts = (query: string) => {
    const key = foldKey(query);
    const words = new Set(query.split(/\s+/).map(foldKey));
    return papers.filter((p) => [p.id, ...p.aliases.map(foldKey), ...nameWords(p.name)].some((k) => k.startsWith(key)) || [p.id, ...p.aliases.map(foldKey)].some((k) => words.has(k))).map((p) => p.id);
  };
  chosen.forEach((paper, n) => {
    const record = records.get(paper.id);
    const typed = paper.aliases.reduce((a, b) => (b.length > a.length ? b : a), paper.aliases.length > 0 ? "" : paper.name);
    const venue = paper.venue ?? "arXiv";
    const year = String(paper.year ?? 2024);
    const titleWord = record?.title ? textWords(record.title).find((w) => w !== paper.id && !STOPWORDS.has(w)) : undefined;
    const extras = [`${typed} paper`, `the ${typed} system`, `${typed} ${venue}`, `${typed} ${year}`, `${venue} ${typed} paper`, `${typed} ${titleWord ?? "serving"}`];
    const extra = extras[n % extras.length] as string;
    queries.push({ kind: "extra", query: extra, expected: paper.id, accept: find.withKey(foldKey(typed)) });
    if (!record) return;
    if (record.title) {
      // The rarest word of the title, and every other time the next rarest beside it, as someone remembers a title.
      const words = [...new Set(textWords(record.title))].filter((w) => !STOPWORDS.has(w) && w !== paper.id && !/^\d+$/.test(w));
      words.sort((a, b) => (frequency.get(a) ?? 0) - (frequency.get(b) ?? 0) || a.localeCompare(b));
      const picked = words.slice(0, n % 2 === 0 ? 1 : 2);
      if (picked.length > 0) {
        const original = record.title.split(/[^\p{L}\p{N}-]+/u).filter((w) => picked.includes(textWords(w).join("")));
        const query = original.length === picked.length ? original.join(" ") : picked.join(" ");
        queries.push({ kind: "title", query, expected: paper.id, accept: new Set([...find.withWords(picked), ...nameStarts(query)]) });
      }
    }
    const author = record.authors?.length ? rng.pick(record.authors) : undefined;
    if (author) {
      // Typed as written, lower-cased, or without its accents.
      const style = n % 3;
      const query = style === 0 ? author : style === 1 ? author.toLowerCase() : author.normalize("NFKD").replace(/\p{M}+/gu, "");
      queries.push({ kind: "author", query, expected: paper.id, accept: new Set([...find.withWords(textWords(author)).filter((id) => records.get(id)?.authors?.some((a) => textWords(a).join(" ") === textWords(author).join(" "))), ...nameStarts(query)]) });
    }
  });
  return queries;
}

/** A first answer is right when it is one of the accepted papers, or when there is none and none was expected. */
export function isRight(query: LabelledQuery, firstId: string | null): boolean {
  return firstId === null ? query.accept.size === 0 : query.accept.has(firstId);
}
