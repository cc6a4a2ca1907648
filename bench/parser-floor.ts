import { Lexer } from "marked";

/**
 * The parser's own block pass (marked, GFM), with no cell read inline and no
 * row turned into a paper: the least any parse of the list can cost here.
 */
export function markedBlockPass(markdown: string): number {
  return new Lexer({ gfm: true }).blockTokens(markdown).length;
}
