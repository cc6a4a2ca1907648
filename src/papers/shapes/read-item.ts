import { cleanTitle, labelledTitle, nameOfTitle } from "./clean-name.js";
import { isGenericLinkText, linkKind, type LinkKind } from "./link-kind.js";
import type { Image, Piece } from "./pieces.js";
import { readBadge, readVenueTag, readYear, type VenueTag } from "./venue-tag.js";

/** What the headings, folds and group lines above an item say: "### 2024", "<summary>2023</summary>", "**[2025.02.05]**". */
export interface ItemContext {
  year: number | null;
  venue: string | null;
}

export const NO_CONTEXT: ItemContext = { year: null, venue: null };

/** A list item read as a paper. */
export interface ItemPaper {
  name: string;
  title?: string;
  year: number | null;
  venue: string | null;
  paperUrl?: string;
  codeUrl?: string;
  /** Authors as the list writes them (a record's "Authors:" line). */
  authors?: string[];
  /** Links that are not http(s) (javascript:, data:): never followed, reported. */
  unsafe: string[];
}

type Link = Extract<Piece, { kind: "link" }>;

// An item longer than this is not a paper entry; what is past it is not read.
const MAX_PIECES = 200;
const MAX_TEXT = 2_000;

const hasWord = (text: string) => /[\p{L}\p{N}]{2}/u.test(text);

/** The text before the first link or line break: "Paella: Low-latency Model Serving … (" in "Title ([SOSP 2023](…)) [[Paper](…)]". */
function leadingText(pieces: readonly Piece[]): { text: string; count: number } {
  let text = "";
  let count = 0;
  for (const piece of pieces) {
    if (piece.kind !== "text") break;
    text += piece.text;
    count++;
  }
  return { text, count };
}

/** The title part of a lead: before " | ", without a trailing "(" or a trailing "(SOSP 2023 …)". */
function titleOfLead(lead: string): string {
  let text = lead.split(" | ")[0] ?? "";
  text = text.replace(/[\s([\\]+$/u, "");
  const open = text.lastIndexOf(" (");
  if (open > 0 && readVenueTag(text.slice(open))) text = text.slice(0, open);
  const label = labelledTitle(text.trim());
  // "[OSDI'24] Title" or "[x] Title": a tag or a checkbox in brackets before the title is not part of it.
  if (label && (readVenueTag(label.label) || /^[ xX]$/.test(label.label))) text = label.rest;
  return text;
}

/** The subtitle after a title link: "[Perseus](…): Removing Energy Bloat … | SOSP' 24" → "Removing Energy Bloat …". */
function subtitleAfter(link: Link, next: Piece | undefined): { subtitle: string; consumed: number } {
  if (next?.kind !== "text") return { subtitle: "", consumed: 0 };
  const text = next.text;
  const trimmed = text.trimStart();
  const joined = link.text.trimEnd().endsWith(":");
  if (!joined && !trimmed.startsWith(":")) return { subtitle: "", consumed: 0 };
  const body = joined ? trimmed : trimmed.slice(1);
  const bar = body.indexOf("|");
  const subtitle = bar >= 0 ? body.slice(0, bar) : body;
  return { subtitle, consumed: text.length - body.length + subtitle.length };
}

function cleanName(raw: string): { name: string; title?: string } | undefined {
  let text = cleanTitle(raw);
  // "[1612.00222] Interaction Networks …": an arXiv number in brackets is not part of the title.
  const label = labelledTitle(text);
  if (label && /^\d{4}\.\d{4,5}(v\d+)?$/.test(label.label.trim())) text = cleanTitle(label.rest);
  if (!hasWord(text)) return undefined;
  const named = nameOfTitle(text);
  return named.title && named.title !== named.name ? named : { name: named.name };
}

/**
 * Reads one list item (or HTML `<li>`): a paper when it links a paper (arXiv, ACM,
 * USENIX, …), or when it names a venue and year ("| SOSP' 24") without pointing
 * at code, another list, a badge or a page anchor. Anything else (navigation,
 * tools, courses, blog posts) is not a paper: undefined.
 */
export function readItem(input: readonly Piece[], context: ItemContext): ItemPaper | undefined {
  const pieces: Piece[] = [];
  let length = 0;
  for (const piece of input.slice(0, MAX_PIECES)) {
    if (length > MAX_TEXT) break;
    const text = piece.kind === "text" || piece.kind === "link" ? piece.text : "";
    length += text.length;
    pieces.push(piece.kind === "text" && text.length > MAX_TEXT ? { kind: "text", text: text.slice(0, MAX_TEXT) } : piece);
  }
  // A checkbox "[x] " opens the item's text.
  const first = pieces[0];
  if (first?.kind === "text") pieces[0] = { kind: "text", text: first.text.replace(/^\s*\[[ xX]\]\s*/, "") };

  const kinds = new Map<Piece, LinkKind>();
  for (const piece of pieces) if (piece.kind === "link") kinds.set(piece, linkKind(piece.url, piece));
  const linkIndex = (test: (link: Link, kind: LinkKind) => boolean) => pieces.findIndex((p) => p.kind === "link" && test(p, kinds.get(p) as LinkKind));
  const paperAt = linkIndex((_, kind) => kind === "paper");
  const firstLinkAt = linkIndex((_, kind) => kind !== "badge");
  const firstLink = firstLinkAt >= 0 ? (pieces[firstLinkAt] as Link) : undefined;
  const firstKind = firstLink ? kinds.get(firstLink) : undefined;

  // The title: the paper link's text, else the text before the links, else the first link that names something.
  let titleAt = -1;
  let titleRaw = "";
  let leadRest = "";
  const covered = new Set<number>();
  const paperLink = paperAt >= 0 ? (pieces[paperAt] as Link) : undefined;
  if (paperLink && !isGenericLinkText(paperLink.text)) titleAt = paperAt;
  else {
    const lead = leadingText(pieces);
    const text = titleOfLead(lead.text);
    if (hasWord(cleanTitle(text))) {
      titleRaw = text;
      leadRest = lead.text.replace(text, " ");
      for (let i = 0; i < lead.count; i++) covered.add(i);
    } else if (firstLink && !isGenericLinkText(firstLink.text) && firstKind !== "local" && firstKind !== "unsafe") titleAt = firstLinkAt;
  }
  let consumedAfter = 0;
  if (titleAt >= 0) {
    const link = pieces[titleAt] as Link;
    const { subtitle, consumed } = subtitleAfter(link, pieces[titleAt + 1]);
    const head = link.text.trim().replace(/:$/, "");
    titleRaw = subtitle.trim() ? `${head}: ${subtitle.trim()}` : head;
    covered.add(titleAt);
    consumedAfter = consumed;
  }

  // The rest (venue tags, dates, affiliations, other links' text) is read for the venue and year.
  let rest = leadRest;
  const images: Image[] = [];
  pieces.forEach((piece, i) => {
    if (piece.kind === "image") images.push(piece);
    if (piece.kind === "link") images.push(...piece.images);
    if (covered.has(i)) return;
    if (piece.kind === "text") rest += ` ${i === titleAt + 1 && titleAt >= 0 ? piece.text.slice(consumedAfter) : piece.text} `;
    else if (piece.kind === "link") rest += ` ${piece.text} `;
  });
  let tag: VenueTag | undefined = readVenueTag(rest);
  for (const image of images) tag ??= readBadge(image.alt, image.src);

  const named = cleanName(titleRaw);
  if (!named) return undefined;
  const pointsElsewhere = firstKind === "code" || firstKind === "list" || firstKind === "local" || firstKind === "unsafe";
  const isPaper = paperLink !== undefined || (tag !== undefined && !pointsElsewhere && named.name.split(/\s+/).length + (named.title ? 1 : 0) >= 2);
  if (!isPaper) return undefined;

  const codeAt = linkIndex((_, kind) => kind === "code");
  const paperUrl = paperLink?.url ?? (firstKind === "other" ? firstLink?.url : undefined);
  const unsafe = pieces.flatMap((p) => (p.kind === "link" && kinds.get(p) === "unsafe" ? [p.url] : []));
  return {
    ...named,
    year: tag?.year ?? readYear(rest) ?? context.year,
    venue: tag?.venue ?? context.venue,
    ...(paperUrl ? { paperUrl } : {}),
    ...(codeAt >= 0 ? { codeUrl: (pieces[codeAt] as Link).url } : {}),
    unsafe,
  };
}
