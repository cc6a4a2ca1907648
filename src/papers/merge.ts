import { LINK_KINDS, type Duplicate, type Paper, type ParseWarning, type Tag } from "./model.js";
import type { PaperDraft } from "./read-row.js";
import { canonicalReporters } from "./reporters.js";
import { samePaper } from "./merge-lists.js";
import { foldKey } from "./text.js";

function unionBy<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Each kind of link from the first row that has one. */
function unitedLinks(group: PaperDraft[]): Paper["links"] {
  const links: Paper["links"] = {};
  for (const kind of LINK_KINDS) {
    const url = group.find((d) => d.links[kind])?.links[kind];
    if (url) links[kind] = url;
  }
  return links;
}

/**
 * Merges rows that name the same paper (same id) into one paper: reporters,
 * tags, aliases and links are united, the first row's year and venue win (a
 * conflict is warned about). Reporters get one display name per person.
 */
export function mergeDrafts(
  drafts: PaperDraft[],
  legend: Tag[],
  warn: (w: ParseWarning) => void,
): { papers: Paper[]; duplicates: Duplicate[] } {
  const groups = new Map<string, PaperDraft[]>();
  const taken = new Map<string, string[]>();
  for (const draft of drafts) {
    // Names that fold alike ("SageAttention2" and "SageAttention2++", two papers called Tempo) are one paper
    // unless their links give different arXiv ids or DOIs, or their full titles differ: then the later is "<id>-2".
    const ids = taken.get(draft.id) ?? [];
    const id = ids.find((candidate) => samePaper(groups.get(candidate)?.[0] as PaperDraft, draft)) ?? (ids.length === 0 ? draft.id : `${draft.id}-${ids.length + 1}`);
    if (!ids.includes(id)) taken.set(draft.id, [...ids, id]);
    const group = groups.get(id);
    if (group) group.push(draft);
    else groups.set(id, [{ ...draft, id }]);
  }

  const display = canonicalReporters(drafts.flatMap((d) => d.reporters));
  const tagOrder = (id: string) => legend.findIndex((t) => t.id === id);

  const papers: Paper[] = [];
  const duplicates: Duplicate[] = [];
  for (const [id, group] of groups) {
    const first = group[0] as PaperDraft;
    for (let n = 1; n < group.length; n++) {
      const other = group[n] as PaperDraft;
      if (other.year !== null && first.year !== null && other.year !== first.year) {
        warn({ line: other.line, message: `${first.name}: listed again with year ${other.year} (line ${first.line} says ${first.year}); keeping ${first.year}` });
      }
      if (other.venue && first.venue && other.venue !== first.venue) {
        warn({ line: other.line, message: `${first.name}: listed again with venue ${other.venue} (line ${first.line} says ${first.venue}); keeping ${first.venue}` });
      }
    }
    // Most papers are listed once: their row's fields need no union, only a second list or tag to order.
    const one = group.length === 1;
    const lines = group.map((d) => d.line);
    const reporters = one && first.reporters.length < 2 ? first.reporters : unionBy(group.flatMap((d) => d.reporters), foldKey);
    const title = first.title ?? group.find((d) => d.title)?.title;
    const authors = first.authors ?? group.find((d) => d.authors)?.authors;
    papers.push({
      id,
      name: first.name,
      ...(title ? { title } : {}),
      ...(authors ? { authors } : {}),
      aliases: one && first.aliases.length < 2 ? first.aliases : unionBy(group.flatMap((d) => d.aliases), foldKey),
      year: one ? first.year : (group.find((d) => d.year !== null)?.year ?? null),
      venue: one ? first.venue : (group.find((d) => d.venue !== null)?.venue ?? null),
      tags: one && first.tags.length < 2 ? first.tags : [...new Set(group.flatMap((d) => d.tags))].sort((a, b) => tagOrder(a) - tagOrder(b)),
      links: one ? first.links : unitedLinks(group),
      reporters: reporters.map((r) => display.get(foldKey(r)) ?? r),
      lines,
    });
    if (!one) duplicates.push({ id, name: first.name, lines });
  }
  return { papers, duplicates };
}
