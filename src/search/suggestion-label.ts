import { foldKey, type Paper } from "../papers/index.js";
import type { PaperRecord } from "../papers/record.js";
import { nameKey } from "./name-key.js";

/** Long enough to recognise a title, short enough to read in an autocomplete list. */
export const SUGGESTION_LABEL_MAX = 60;

/** The folded names that more than one of these papers has (different papers of one name, from different lists). */
export function clashingNames(papers: readonly Paper[]): Set<string> {
  const seen = new Set<string>();
  const clashing = new Set<string>();
  for (const paper of papers) {
    const key = nameKey(paper);
    if (seen.has(key)) clashing.add(key);
    seen.add(key);
  }
  return clashing;
}

/**
 * What an autocomplete choice shows for a paper with a known title (the
 * record's, else the list's): its name and the title, cut at a word with an
 * ellipsis ("AlpaServe — Statistical Multiplexing with Model Parallelism…").
 * A title that starts with the name ("AlpaServe: …") is not repeated. With
 * `lists` (papers of one name from different lists), the name is followed by
 * them: "Orca (llmsys) — …". Null without a title.
 */
export function suggestionLabel(paper: Paper, record: PaperRecord | undefined, max = SUGGESTION_LABEL_MAX, lists?: readonly string[]): string | null {
  const title = (record ? record.title : paper.title)?.trim();
  const name = lists && lists.length > 0 ? `${paper.name} (${lists.join(", ")})` : paper.name;
  if (!title) return null;
  const colon = title.indexOf(":");
  const lead = colon > 0 ? title.slice(0, colon) : "";
  const names = new Set([nameKey(paper), ...paper.aliases.map(foldKey)]);
  const rest = lead && names.has(foldKey(lead)) ? title.slice(colon + 1).trim() : title;
  const label = rest ? `${name} — ${rest}` : name;
  const chars = Array.from(label);
  if (chars.length <= max) return label;
  const head = chars.slice(0, max - 1).join("");
  // Cut at the last whole word (the head may end just before a space).
  const space = chars[max - 1] === " " ? head.length : head.lastIndexOf(" ");
  const cut = space > name.length + 3 ? head.slice(0, space) : head;
  return `${cut.replace(/[\s,;:—–-]+$/u, "")}…`;
}
