import { foldKey, type Paper } from "../papers/index.js";
import type { DblpHit } from "./sources.js";

/**
 * Whether a DBLP hit is the list's paper. Never a guess: the list's name must
 * be a word of the hit's title (or the words before its ":"), the year within
 * one, and the venue the same (arXiv and CoRR count as one).
 */

const VENUE_ALIASES: Record<string, string> = {
  corr: "arxiv",
  arxiv: "arxiv",
  usenixatc: "atc",
  usenixannualtechnicalconference: "atc",
  atc: "atc",
  nips: "neurips",
  neurips: "neurips",
  ieeetransparalleldistribsyst: "tpds",
  ieeetransparalleldistributedsyst: "tpds",
  tpds: "tpds",
  ieeeinfocom: "infocom",
  procvldbendow: "vldb",
  pvldb: "vldb",
};

function venueKeys(venue: string): Set<string> {
  const keys = new Set<string>();
  const whole = foldKey(venue);
  keys.add(VENUE_ALIASES[whole] ?? whole);
  for (const word of venue.split(/[^\p{L}\p{N}]+/u).filter(Boolean)) {
    const k = foldKey(word);
    keys.add(VENUE_ALIASES[k] ?? k);
  }
  keys.delete("");
  return keys;
}

/** The list's venue and DBLP's agree: the same venue once both are folded, or the list's name among DBLP's venue words. */
export function venuesAgree(listVenue: string | null, hitVenue: string | null): boolean {
  if (!listVenue || !hitVenue) return false;
  const list = foldKey(listVenue);
  const listKey = VENUE_ALIASES[list] ?? list;
  return venueKeys(hitVenue).has(listKey);
}

/** The list's name (or an alias) is one of the title's words, or the whole of what comes before its first ":". */
export function nameInTitle(paper: Pick<Paper, "name" | "aliases">, title: string): boolean {
  const names = new Set([paper.name, ...paper.aliases].map(foldKey).filter((n) => n.length > 0));
  const colon = title.indexOf(":");
  if (colon > 0 && names.has(foldKey(title.slice(0, colon)))) return true;
  return title.split(/[\s:;,.!?()[\]{}"'“”‘’]+/u).some((word) => names.has(foldKey(word)));
}

export type HitVerdict = { ok: true } | { ok: false; reason: string };

export function judgeHit(paper: Pick<Paper, "name" | "aliases" | "year" | "venue">, hit: DblpHit): HitVerdict {
  const problems: string[] = [];
  if (!nameInTitle(paper, hit.title)) problems.push(`"${paper.name}" is not a word of its title`);
  if (paper.year === null || hit.year === null || Math.abs(paper.year - hit.year) > 1) problems.push(`its year ${hit.year ?? "?"} is not within one of ${paper.year ?? "?"}`);
  if (!venuesAgree(paper.venue, hit.venue)) problems.push(`its venue ${hit.venue ?? "?"} is not ${paper.venue ?? "?"}`);
  return problems.length === 0 ? { ok: true } : { ok: false, reason: `"${hit.title}" (${hit.venue ?? "?"} ${hit.year ?? "?"}): ${problems.join("; ")}` };
}

/** The DBLP query for a paper: its name and, unless it is a preprint, its venue. */
export function dblpQuery(paper: Pick<Paper, "name" | "venue">): string {
  const venue = paper.venue && VENUE_ALIASES[foldKey(paper.venue)] !== "arxiv" ? ` ${paper.venue}` : "";
  return `${paper.name.replace(/[/|]+/g, " ")}${venue}`;
}
