import type { Paper } from "../papers/index.js";
import { toCard } from "../replies/paper-card.js";
import type { PaperCard } from "../replies/reply.js";
import type { Catalog } from "../search/catalog.js";
import { nameKey } from "../search/name-key.js";

/**
 * A paper's card as commands show it: its record when known, and its lists when several lists are
 * followed or when its list has another paper of the same name (then its pick-list value, "<id>@<list>", tells them apart).
 */
export function cardOf(catalog: Catalog, paper: Paper): PaperCard {
  const sameName = nameKey(paper) !== paper.id || catalog.index.get(`${paper.id}-2`) !== undefined;
  return toCard(paper, catalog.list.legend, catalog.records.get(paper.id), catalog.listIds.length > 1 || sameName);
}
