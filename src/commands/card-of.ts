import type { Paper } from "../papers/index.js";
import { toCard } from "../replies/paper-card.js";
import type { PaperCard } from "../replies/reply.js";
import type { Catalog } from "../search/catalog.js";

/** A paper's card as commands show it: its record when known, and its lists when several lists are followed. */
export function cardOf(catalog: Catalog, paper: Paper): PaperCard {
  return toCard(paper, catalog.list.legend, catalog.records.get(paper.id), catalog.listIds.length > 1);
}
