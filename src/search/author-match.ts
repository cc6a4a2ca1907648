import type { PaperRecord } from "../papers/record.js";
import { textWords } from "./text-words.js";

/**
 * Whether a record lists an author by this name, accent- and
 * case-insensitive: "ion stoica" and "Íon Stoica" are "Ion Stoica"; a surname
 * alone ("Stoica") or with initials ("I. Stoica") is enough, in either order.
 */
export function hasAuthor(record: PaperRecord | undefined, name: string): boolean {
  const wanted = textWords(name);
  if (wanted.length === 0 || !record?.authors) return false;
  return record.authors.some((author) => {
    const words = textWords(author);
    return wanted.every((w) => words.some((a) => a === w || (w.length === 1 && a.startsWith(w))));
  });
}
