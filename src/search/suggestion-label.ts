import { foldKey, type Paper } from "../papers/index.js";
import type { PaperRecord } from "../papers/record.js";

/** Long enough to recognise a title, short enough to read in an autocomplete list. */
export const SUGGESTION_LABEL_MAX = 60;

/**
 * What an autocomplete choice shows for a paper with a known title: its name
 * and the title, cut at a word with an ellipsis ("AlpaServe — Statistical
 * Multiplexing with Model Parallelism…"). A title that starts with the name
 * ("AlpaServe: Statistical …") is not repeated. Null without a title.
 */
export function suggestionLabel(paper: Paper, record: PaperRecord | undefined, max = SUGGESTION_LABEL_MAX): string | null {
  const title = record?.title?.trim();
  if (!title) return null;
  const colon = title.indexOf(":");
  const lead = colon > 0 ? title.slice(0, colon) : "";
  const names = new Set([paper.id, ...paper.aliases.map(foldKey)]);
  const rest = lead && names.has(foldKey(lead)) ? title.slice(colon + 1).trim() : title;
  const label = rest ? `${paper.name} — ${rest}` : paper.name;
  const chars = Array.from(label);
  if (chars.length <= max) return label;
  const head = chars.slice(0, max - 1).join("");
  // Cut at the last whole word (the head may end just before a space).
  const space = chars[max - 1] === " " ? head.length : head.lastIndexOf(" ");
  const cut = space > paper.name.length + 3 ? head.slice(0, space) : head;
  return `${cut.replace(/[\s,;:—–-]+$/u, "")}…`;
}
