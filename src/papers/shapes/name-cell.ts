import type { RawCell } from "../read-markdown.js";
import { cleanTitle, labelledTitle, nameOfTitle } from "./clean-name.js";
import { isGenericLinkText, linkKind } from "./link-kind.js";
import { segments, type Image, type Piece } from "./pieces.js";
import { readBadge, readVenueTag, type VenueTag } from "./venue-tag.js";

/** A table's name cell read as a reader does: the name, the full title, the authors after a line break, a venue badge, the title's link. */
export interface NameCell {
  name: string;
  title?: string;
  authors?: string[];
  tag?: VenueTag;
  url?: string;
}

const MAX_AUTHORS = 100;

const isBadgeOnly = (segment: Piece[]) =>
  segment.every((p) => p.kind === "image" || (p.kind === "link" && (p.text.trim() === "" || linkKind(p.url, p) === "badge")) || (p.kind === "text" && cleanTitle(p.text) === ""));

const segmentText = (segment: Piece[]) => segment.map((p) => (p.kind === "text" || p.kind === "link" ? p.text : "")).join("");

/**
 * "🔥🔥[**DistServe**] DistServe: Disaggregating … (@PKU)" → DistServe, with the whole title;
 * "[![Publish](…Conference-ICML'23…)]() <br> :star: [SparseGPT: Massive …](…) <br> Elias Frantar, Dan Alistarh"
 * → SparseGPT, its title, ICML 2023 and two authors. A plain name ("AlpaServe") reads as itself.
 */
export function readNameCell(cell: RawCell, withAuthors: boolean): NameCell {
  const images: Image[] = cell.pieces.flatMap((p) => (p.kind === "image" ? [p] : p.kind === "link" ? p.images : []));
  let tag: VenueTag | undefined;
  for (const image of images) tag ??= readBadge(image.alt, image.src);
  const parts = segments(cell.pieces).filter((s) => !isBadgeOnly(s));
  const [titlePart, authorPart] = parts;
  if (!titlePart) return { name: "", ...(tag ? { tag } : {}) };

  const found = titlePart.find((p): p is Extract<Piece, { kind: "link" }> => p.kind === "link" && !isGenericLinkText(p.text) && linkKind(p.url, p) !== "badge");
  // The link's text is the title when nothing but marks (":star:", 🔥) stands beside it; else the whole line is.
  const beside = titlePart.filter((p) => p !== found && p.kind === "text").map((p) => (p.kind === "text" ? p.text : "")).join("");
  const link = found && cleanTitle(beside) === "" ? found : undefined;
  let text = cleanTitle(link ? link.text : segmentText(titlePart));
  let name: { name: string; title?: string };
  const label = labelledTitle(text);
  const labelTag = label ? readVenueTag(label.label) : undefined;
  if (label && labelTag) {
    tag ??= labelTag;
    text = cleanTitle(label.rest);
    name = nameOfTitle(text);
  } else if (label && cleanTitle(label.rest) !== "") {
    name = { name: cleanTitle(label.label), title: cleanTitle(label.rest) };
  } else name = nameOfTitle(text);
  // "QEP: Quantization Error Propagation, NeurIPS 2025": a venue tag closing the title is not part of it.
  const comma = (name.title ?? name.name).lastIndexOf(", ");
  const closing = comma > 0 ? readVenueTag((name.title ?? name.name).slice(comma + 2)) : undefined;
  if (closing && (name.title ?? name.name).slice(comma + 2).split(/\s+/).length <= 3) {
    tag ??= closing;
    const trimmed = cleanTitle((name.title ?? name.name).slice(0, comma));
    name = name.title ? { name: name.name, title: trimmed } : nameOfTitle(trimmed);
  }

  const authors = withAuthors && authorPart ? splitAuthors(segmentText(authorPart)) : [];
  return {
    name: name.name,
    ...(name.title && name.title !== name.name ? { title: name.title } : {}),
    ...(authors.length > 0 ? { authors } : {}),
    ...(tag ? { tag } : {}),
    ...(found ? { url: found.url } : {}),
  };
}

function splitAuthors(text: string): string[] {
  return cleanTitle(text)
    .split(/\s*[,;，、]\s*|\s+and\s+/)
    .map((a) => cleanTitle(a))
    .filter((a) => a.length > 0 && a.length <= 200)
    .slice(0, MAX_AUTHORS);
}
