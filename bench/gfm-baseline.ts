import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { gfm } from "micromark-extension-gfm";

/** The parse baseline: a generic GFM parser (the one the core used for the whole document) reading the same markdown into a syntax tree. */
export function parseWithGenericGfm(markdown: string): number {
  return fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] }).children.length;
}
