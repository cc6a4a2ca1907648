import { LINK_KINDS, type LinkKind, type Paper, type Tag } from "../papers/index.js";
import type { PaperRecord } from "../papers/record.js";
import type { PaperCard } from "./reply.js";

export const LINK_LABELS: Record<LinkKind, string> = { paper: "Paper", code: "Code", blog: "Blog notes", video: "Video" };

/** The card of a paper, with its categories spelled out from the list's legend and its record when known. */
export function toCard(paper: Paper, legend: Tag[], record?: PaperRecord): PaperCard {
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
  return card;
}
