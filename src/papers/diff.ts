import { LINK_KINDS, type LinkKind, type Paper, type PaperList } from "./model.js";
import { foldKey } from "./text.js";

export type PaperField = "name" | "year" | "venue" | "tags" | "reporters" | `links.${LinkKind}`;

export interface FieldChange {
  field: PaperField;
  before: string | number | string[] | null;
  after: string | number | string[] | null;
}

export interface PaperChange {
  before: Paper;
  after: Paper;
  fields: FieldChange[];
}

export interface ListDiff {
  added: Paper[];
  removed: Paper[];
  changed: PaperChange[];
}

const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));
const sameInOrder = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** Field-by-field differences that a reader would call a change (reformatting and reporter casing are not). */
export function compareFields(before: Paper, after: Paper): FieldChange[] {
  const changes: FieldChange[] = [];
  if (before.name !== after.name) changes.push({ field: "name", before: before.name, after: after.name });
  if (before.year !== after.year) changes.push({ field: "year", before: before.year, after: after.year });
  if (before.venue !== after.venue) changes.push({ field: "venue", before: before.venue, after: after.venue });
  if (!sameSet(before.tags, after.tags)) changes.push({ field: "tags", before: before.tags, after: after.tags });
  if (!sameInOrder(before.reporters, after.reporters) && !sameSet(before.reporters.map(foldKey), after.reporters.map(foldKey))) {
    changes.push({ field: "reporters", before: before.reporters, after: after.reporters });
  }
  for (const kind of LINK_KINDS) {
    const [b, a] = [before.links[kind] ?? null, after.links[kind] ?? null];
    if (b !== a) changes.push({ field: `links.${kind}`, before: b, after: a });
  }
  return changes;
}

/**
 * What changed between two versions of the list, by paper identity. A paper
 * whose name was corrected (new id) but whose paper link is unchanged counts as
 * changed, not as removed and added. Order follows the lists.
 */
export function diffLists(previous: Pick<PaperList, "papers">, next: Pick<PaperList, "papers">): ListDiff {
  const before = new Map(previous.papers.map((p) => [p.id, p]));
  const after = new Map(next.papers.map((p) => [p.id, p]));
  const changed: PaperChange[] = [];
  let added = next.papers.filter((p) => !before.has(p.id));
  let removed = previous.papers.filter((p) => !after.has(p.id));

  const removedByPaperUrl = new Map(removed.filter((p) => p.links.paper).map((p) => [p.links.paper, p]));
  const renamed = new Set<Paper>();
  for (const paper of added) {
    const old = paper.links.paper ? removedByPaperUrl.get(paper.links.paper) : undefined;
    if (!old || renamed.has(old)) continue;
    renamed.add(old);
    renamed.add(paper);
  }

  for (const paper of next.papers) {
    const old = before.get(paper.id) ?? (renamed.has(paper) ? removedByPaperUrl.get(paper.links.paper) : undefined);
    if (!old) continue;
    const fields = compareFields(old, paper);
    if (fields.length > 0) changed.push({ before: old, after: paper, fields });
  }
  added = added.filter((p) => !renamed.has(p));
  removed = removed.filter((p) => !renamed.has(p));
  return { added, removed, changed };
}
