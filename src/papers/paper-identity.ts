import { strongKeys, type PaperIdentity } from "./merge-lists.js";
import type { Paper } from "./model.js";
import { foldKey } from "./text.js";

export { samePaper } from "./merge-lists.js";
export type { PaperIdentity };

/** What of a paper its identity needs (stored with what was announced to a channel). */
export function identityOf(paper: Paper): PaperIdentity {
  return { id: paper.id, ...(paper.title ? { title: paper.title } : {}), links: paper.links.paper ? { paper: paper.links.paper } : {} };
}

/** Every key a paper can be found by: its arXiv id or DOI, its folded title, its folded name. */
export function identityKeys(paper: PaperIdentity): string[] {
  return [...strongKeys(paper), ...(paper.title ? [`title:${foldKey(paper.title)}`] : []), `name:${paper.id}`];
}
