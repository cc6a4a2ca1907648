import type { PaperRecord } from "../papers/record.js";
import { textWords } from "./text-words.js";

/**
 * An author query names a person: a surname, with given names or initials
 * if wanted. "Stoica", "Ion Stoica", "I. Stoica" and "Stoica, Ion" all name
 * Ion Stoica; "Ion" alone is read as a surname and does not. Case and accents
 * are ignored. A query of initials only ("J", "I. S.") names nobody and is
 * refused, so a watch cannot match every paper with a J in it.
 */
export interface AuthorQuery {
  surname: string;
  /** Given names or initials, in order; empty for a surname alone. */
  given: string[];
}

/** What to tell someone whose author query names nobody. */
export const AUTHOR_QUERY_HINT = 'Give a surname, alone or with given names or initials: author:"Stoica", author:"Ion Stoica" or author:"I. Stoica".';

/** Name words folded (case, accents), numbers dropped (DBLP's "Xin Jin 0008"). */
const nameWords = (text: string): string[] => textWords(text).filter((w) => !/^\d+$/.test(w));

const isInitial = (word: string): boolean => word.length === 1;

/**
 * Reads an author query; a reason when it names nobody. Without a comma the
 * surname is the last word that is not an initial ("Ion Stoica", "Stoica I.");
 * with one, what comes before it ("Stoica, Ion").
 */
export function parseAuthorQuery(text: string): AuthorQuery | { error: string } {
  const comma = text.indexOf(",");
  const words = nameWords(text);
  if (words.length === 0) return { error: "an author needs a letter" };
  if (words.every(isInitial)) return { error: `"${text.trim()}" is only initials; an author is found by surname` };
  if (comma >= 0) {
    const before = nameWords(text.slice(0, comma));
    const after = nameWords(text.slice(comma + 1));
    const surname = before.filter((w) => !isInitial(w));
    if (surname.length > 0) return { surname: surname.join(" "), given: [...after, ...before.filter(isInitial)] };
  }
  let at = words.length - 1;
  while (isInitial(words[at] as string)) at--;
  return { surname: words[at] as string, given: words.filter((_, i) => i !== at) };
}

/** Two given names agree when equal, or when one is an initial of the other ("I" and "Ion"). */
const givenAgrees = (q: string, a: string): boolean => q === a || (isInitial(q) && a.startsWith(q)) || (isInitial(a) && q.startsWith(a));

/** The query's given names appear among the author's, in order (middle names may be left out). */
function givenNamesAgree(wanted: readonly string[], given: readonly string[]): boolean {
  let i = 0;
  for (const word of given) if (i < wanted.length && givenAgrees(wanted[i] as string, word)) i++;
  return i === wanted.length;
}

/** Whether one author's name ("Joseph E. Gonzalez") is the person the query names. */
export function authorMatches(author: string, query: AuthorQuery): boolean {
  // "Gonzalez, Joseph E." (BibTeX's order) is read as "Joseph E. Gonzalez".
  const comma = author.indexOf(",");
  const words = nameWords(comma < 0 ? author : `${author.slice(comma + 1)} ${author.slice(0, comma)}`);
  if (words.length === 0) return false;
  const surnameWords = query.surname.split(" ");
  const at = words.length - surnameWords.length;
  if (at < 0 || surnameWords.some((w, i) => words[at + i] !== w)) return false;
  return givenNamesAgree(query.given, words.slice(0, at));
}

/**
 * Whether a paper's authors include the person the query names: its scholarly record's authors, else
 * the authors its list gives (a "Title & Authors" column); never for a query of initials only.
 */
export function hasAuthor(record: PaperRecord | undefined, name: string, listed?: readonly string[]): boolean {
  const query = parseAuthorQuery(name);
  const authors = record?.authors ?? listed;
  if ("error" in query || !authors) return false;
  return authors.some((author) => authorMatches(author, query));
}
