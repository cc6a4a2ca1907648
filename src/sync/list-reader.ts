import type { Upstream } from "./upstream.js";
import { parseList, type PaperList } from "../papers/index.js";
import { parseListIsolated } from "../papers/parse-isolated.js";

export type ListReader = (markdown: string) => Promise<PaperList>;

/**
 * Text fetched from the network is untrusted and read in a worker thread under
 * limits; the bundled list and an operator's own file are read in place, which
 * keeps the console's start-up quick.
 */
export function listReaderFor(upstream: Upstream): ListReader {
  return upstream.kind === "url" ? (markdown) => parseListIsolated(markdown) : async (markdown) => parseList(markdown);
}
