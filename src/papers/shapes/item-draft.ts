import { HttpUrlSchema, type Links, type ParseWarning } from "../model.js";
import { aliasesOf, MAX_NAME, type PaperDraft } from "../read-row.js";
import { foldKey } from "../text.js";
import type { ItemPaper } from "./read-item.js";

const MAX_TITLE = 500;

/** A paper read from a list item, as a draft like a table row's; links that are not http(s) are dropped with a warning. */
export function draftOfItem(item: ItemPaper, line: number, warn: (w: ParseWarning) => void): PaperDraft | undefined {
  const id = foldKey(item.name);
  if (!id) return undefined;
  if (item.name.length > MAX_NAME) {
    warn({ line, message: `name is longer than ${MAX_NAME} characters; skipped` });
    return undefined;
  }
  for (const url of item.unsafe) warn({ line, message: `${item.name}: the link "${url.slice(0, 80)}" is not an http(s) URL; dropped` });
  const links: Links = {};
  if (item.paperUrl && HttpUrlSchema.safeParse(item.paperUrl).success) links.paper = item.paperUrl;
  if (item.codeUrl && HttpUrlSchema.safeParse(item.codeUrl).success) links.code = item.codeUrl;
  return {
    id,
    name: item.name,
    ...(item.title && item.title.length <= MAX_TITLE ? { title: item.title } : {}),
    ...(item.authors && item.authors.length > 0 ? { authors: item.authors } : {}),
    aliases: aliasesOf(item.name),
    year: item.year,
    venue: item.venue && item.venue.length <= 100 ? item.venue : null,
    tags: [],
    links,
    reporters: [],
    line,
  };
}
