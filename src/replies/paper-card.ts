import { LINK_KINDS, type LinkKind, type Paper, type Tag } from "../papers/index.js";
import type { PaperRecord } from "../papers/record.js";
import type { PaperCard } from "./reply.js";

export const LINK_LABELS: Record<LinkKind, string> = { paper: "Paper", code: "Code", blog: "Blog notes", video: "Video" };

/**
 * The card of a paper, with its categories spelled out from the list's legend
 * and its record when known; the list's own title and authors when there is no
 * record (the record wins); the lists that hold it with `namedLists` (when
 * several lists are followed).
 */
export function toCard(paper: Paper, legend: Tag[], record?: PaperRecord, namedLists = false): PaperCard {
  const card: PaperCard = {
    id: paper.id,
    name: paper.name,
    year: paper.year,
    venue: paper.venue,
    categories: paper.tags.map((id) => {
      const tag = legend.find((t) => t.id === id);
      return { symbol: tag?.symbol ?? id, label: tag?.label ?? id };
    }),
    links: LINK_KINDS.flatMap((kind) => {
      const url = paper.links[kind];
      return url ? [{ kind, label: LINK_LABELS[kind], url }] : [];
    }),
    reporters: paper.reporters,
  };
  if (record) card.record = record;
  else {
    if (paper.title) card.title = paper.title;
    if (paper.authors && paper.authors.length > 0) card.authors = paper.authors;
  }
  if (namedLists && paper.lists && paper.lists.length > 0) card.lists = paper.lists;
  return card;
}

/**
 * What names this one paper to a command (pick-lists, buttons): its id, or
 * with several lists followed "<name>@<list>" ("atom@mss"), which resolves to
 * it even when another list has a different paper of that name ("atom@llmsys").
 */
export function paperRef(card: Pick<PaperCard, "id" | "lists">): string {
  const first = card.lists?.[0];
  return first === undefined || card.id.includes("@") ? card.id : `${card.id}@${first}`;
}
