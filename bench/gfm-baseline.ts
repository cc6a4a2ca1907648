import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { gfm } from "micromark-extension-gfm";

/**
 * The parse baseline: micromark with the GFM extensions (mdast-util-from-markdown),
 * the parser the core started with, reading the same markdown into a syntax tree.
 * Its table resolver is quadratic in the number of cells, which is why the core uses markdown-it.
 */
export function parseWithGenericGfm(markdown: string): number {
  return fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] }).children.length;
}
