import { parseFragment, type DefaultTreeAdapterTypes } from "parse5";

type Element = DefaultTreeAdapterTypes.Element;

/** A badge or figure: the alt text and the image address. */
export interface Image {
  alt: string;
  src: string;
}

/** What one inline HTML tag means to a reader of a list. */
export type HtmlTag = { kind: "text" } | { kind: "break" } | { kind: "image"; image: Image } | { kind: "link-open"; url: string } | { kind: "link-close" } | { kind: "other" };

const attr = (element: Element, name: string): string => element.attrs.find((a) => a.name === name)?.value ?? "";

// A list repeats the same few tags (<br>, <b>, </a>) thousands of times: each distinct tag is parsed once.
const cache = new Map<string, HtmlTag>();
const CACHE_LIMIT = 5_000;

/** Reads one inline HTML tag (markdown-it's html_inline token) with parse5. */
export function htmlTag(source: string): HtmlTag {
  let tag = cache.get(source);
  if (tag) return tag;
  tag = readTag(source);
  if (cache.size < CACHE_LIMIT) cache.set(source, tag);
  return tag;
}

function readTag(source: string): HtmlTag {
  const node = parseFragment(source.slice(0, 4_000)).childNodes[0];
  // A closing tag alone builds no node; "</a>" is the only closing tag that matters here.
  if (!node) return source.trimStart().slice(0, 3).toLowerCase() === "</a" ? { kind: "link-close" } : { kind: "other" };
  // "<!channel>", "<?x>": not a tag but a bogus comment to an HTML parser, and text to a reader of the list.
  if (!("tagName" in node)) return node.nodeName === "#comment" && !source.trimStart().startsWith("<!--") ? { kind: "text" } : { kind: "other" };
  if (node.tagName === "br") return { kind: "break" };
  if (node.tagName === "img") return { kind: "image", image: { alt: attr(node, "alt"), src: attr(node, "src") } };
  if (node.tagName === "a") return { kind: "link-open", url: attr(node, "href") };
  return { kind: "other" };
}
