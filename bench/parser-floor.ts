import { parseBlocks } from "../src/papers/read-markdown.js";

/**
 * The parser's own block pass (markdown-it, GFM tables), with no cell read
 * inline and no row turned into a paper: the least any parse of the list costs here.
 */
export function blockPass(markdown: string): number {
  return parseBlocks(markdown).length;
}
