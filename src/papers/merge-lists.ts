import { idsFromLink } from "./identify.js";
import { LINK_KINDS, type ListId, type Paper, type PaperList, type Tag } from "./model.js";
import { foldKey } from "./text.js";

/** One followed list as last read, in MSS_LISTS order. */
export interface ListPart {
  id: ListId;
  list: PaperList;
}

/** Where a merged paper came from: the list and that list's own id for it (what its sync stored). */
export interface PaperOrigin {
  list: ListId;
  paperId: string;
}

export interface MergedLists {
  list: PaperList;
  /** Merged paper id → the lists' papers it unites, in list order. */
  origins: ReadonlyMap<string, readonly PaperOrigin[]>;
}

/** What tells one paper from another across lists: its id (folded name), full title and paper link. */
export type PaperIdentity = Pick<Paper, "id" | "title" | "links">;

/** The identifiers a paper's own link gives: its arXiv id or DOI. */
export function strongKeys(paper: Pick<Paper, "links">): string[] {
  const ids = idsFromLink(paper.links.paper);
  return ids ? Object.entries(ids).map(([kind, value]) => `${kind}:${String(value).toLowerCase()}`) : [];
}

interface Identity {
  /** "arxiv:<id>" or "doi:<doi>" from the paper's own link. */
  strong: string[];
  /** The folded full title, when the list gives one. */
  title: string | undefined;
}

// A list's papers are the same objects from one merge to the next until that list is read again:
// swapping one list in works out only that list's identities.
const identities = new WeakMap<PaperIdentity, Identity>();

function cachedIdentity(paper: PaperIdentity): Identity {
  let identity = identities.get(paper);
  if (!identity) {
    identity = { strong: strongKeys(paper), title: paper.title ? foldKey(paper.title) : undefined };
    identities.set(paper, identity);
  }
  return identity;
}

/**
 * Two papers from different lists are one paper when their links give the
 * same arXiv id or DOI; when either has no such id, when their full titles
 * fold alike; when either has no title, when their names fold alike. Two
 * papers whose ids (or titles) disagree are two papers, whatever their names.
 */
export function samePaper(a: PaperIdentity, b: PaperIdentity): boolean {
  return identitiesMatch(cachedIdentity(a), a.id, cachedIdentity(b), b.id);
}

function identitiesMatch(a: Identity, aId: string, b: Identity, bId: string): boolean {
  if (a.strong.length > 0 && b.strong.length > 0) return a.strong.some((k) => b.strong.includes(k));
  if (a.title && b.title) return a.title === b.title;
  return aId === bId;
}

/** The first paper's fields win; a field it lacks is taken from the next that has it. */
function unite(base: Paper, other: Paper): Paper {
  const links = { ...base.links };
  for (const kind of LINK_KINDS) if (!links[kind] && other.links[kind]) links[kind] = other.links[kind];
  const aliases = [...base.aliases];
  for (const name of [other.name, ...other.aliases]) {
    if (foldKey(name) !== base.id && !aliases.some((a) => foldKey(a) === foldKey(name))) aliases.push(name);
  }
  const reporters = [...base.reporters];
  for (const r of other.reporters) if (!reporters.some((x) => foldKey(x) === foldKey(r))) reporters.push(r);
  const united: Paper = {
    ...base,
    aliases,
    year: base.year ?? other.year,
    venue: base.venue ?? other.venue,
    tags: [...new Set([...base.tags, ...other.tags])],
    links,
    reporters,
  };
  const title = base.title ?? other.title;
  if (title) united.title = title;
  const authors = base.authors ?? other.authors;
  if (authors) united.authors = authors;
  return united;
}

/**
 * Merges the followed lists into the one list every command answers from.
 * Papers keep the order of their first list; a paper that several lists hold
 * (see samePaper) is one paper naming every list in `lists`. A different
 * paper whose name folds like one already taken gets the id "<name>@<list>",
 * so both stay findable and `paper` can offer both with their lists.
 */
export function mergeLists(parts: readonly ListPart[]): MergedLists {
  const papers: Paper[] = [];
  // Each merged paper's identity: what its lists' papers say together.
  const held: Identity[] = [];
  const origins = new Map<string, PaperOrigin[]>();
  const byKey = new Map<string, number>();
  const byId = new Map<string, number[]>();
  const legend: Tag[] = [];
  const merged: PaperList = { papers, software: [], legend, warnings: [], duplicates: [] };

  for (const { id: listId, list } of parts) {
    for (const paper of list.papers) {
      const identity = cachedIdentity(paper);
      const { strong: keys, title } = identity;
      const candidates = [...keys.map((k) => byKey.get(k)), title !== undefined ? byKey.get(`title:${title}`) : undefined, ...(byId.get(paper.id) ?? [])];
      const at = candidates.find((i): i is number => i !== undefined && identitiesMatch(held[i] as Identity, (papers[i] as Paper).id, identity, paper.id) && !(papers[i] as Paper).lists?.includes(listId));
      if (at !== undefined) {
        const existing = papers[at] as Paper;
        papers[at] = { ...unite(existing, paper), lists: [...(existing.lists ?? []), listId] };
        const was = held[at] as Identity;
        held[at] = { strong: [...new Set([...was.strong, ...keys])], title: was.title ?? title };
        origins.get(existing.id)?.push({ list: listId, paperId: paper.id });
      } else {
        const id = byId.has(paper.id) ? `${paper.id}@${listId}` : paper.id;
        papers.push({ ...paper, id, lists: [listId] });
        held.push(identity);
        origins.set(id, [{ list: listId, paperId: paper.id }]);
        byId.set(paper.id, [...(byId.get(paper.id) ?? []), papers.length - 1]);
      }
      const index = at ?? papers.length - 1;
      for (const key of keys) if (!byKey.has(key)) byKey.set(key, index);
      if (title !== undefined && !byKey.has(`title:${title}`)) byKey.set(`title:${title}`, index);
    }
    for (const tag of list.legend) if (!legend.some((t) => t.id === tag.id)) legend.push(tag);
    for (const s of list.software) if (!merged.software.some((x) => x.url === s.url)) merged.software.push(s);
    merged.duplicates.push(...list.duplicates);
    merged.warnings.push(...(parts.length > 1 ? list.warnings.map((w) => ({ ...w, message: `${listId}: ${w.message}` })) : list.warnings));
  }
  return { list: merged, origins };
}
