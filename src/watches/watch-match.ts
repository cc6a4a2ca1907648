import { venueKey, type Paper } from "../papers/index.js";
import type { PaperRecord } from "../papers/record.js";
import { hasAuthor } from "../search/author-match.js";
import { textWords } from "../search/text-words.js";
import type { WatchKind } from "../store/watch-repo.js";

export interface WatchRule {
  kind: WatchKind;
  value: string;
}

/** Whether the words of `phrase` appear in `words`, together and in order ("KV cache" in "... the KV cache of ..."). */
function containsPhrase(words: readonly string[], phrase: readonly string[]): boolean {
  if (phrase.length === 0) return false;
  for (let i = 0; i + phrase.length <= words.length; i++) {
    if (phrase.every((w, j) => words[i + j] === w)) return true;
  }
  return false;
}

/** The texts a keyword is looked for in: the record's title, abstract and TL;DR when known, else the row's names and the title its list gives. */
function keywordTexts(paper: Paper, record: PaperRecord | undefined): string[] {
  const fromRecord = [record?.title, record?.abstract, record?.tldr].filter((t): t is string => t !== undefined);
  return fromRecord.length > 0 ? [...fromRecord, paper.name] : [paper.name, ...paper.aliases, ...(paper.title ? [paper.title] : [])];
}

/**
 * Whether a paper matches a watch: an author of its record, else of its list
 * (accent- and case-insensitive, a surname or initials enough), a keyword
 * phrase in its record's title and abstract (else its name and title on the list), a category of the
 * row, or its venue (the row's, or the record's once published).
 */
export function matchesWatch(paper: Paper, record: PaperRecord | undefined, rule: WatchRule): boolean {
  switch (rule.kind) {
    case "author":
      return hasAuthor(record, rule.value, paper.authors);
    case "keyword": {
      const phrase = textWords(rule.value);
      return keywordTexts(paper, record).some((text) => containsPhrase(textWords(text), phrase));
    }
    case "tag":
      return paper.tags.includes(rule.value);
    case "venue": {
      const wanted = venueKey(rule.value);
      return [paper.venue, record?.venue].some((v) => v != null && venueKey(v) === wanted);
    }
  }
}

/** 'author "Ion Stoica"', 'tag scheduling'. */
export function describeWatch(rule: WatchRule): string {
  return rule.kind === "author" || rule.kind === "keyword" ? `${rule.kind} "${rule.value}"` : `${rule.kind} ${rule.value}`;
}
