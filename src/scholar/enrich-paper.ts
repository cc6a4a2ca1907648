import type { Paper } from "../papers/index.js";
import type { ResolvedVia, ScholarStep, WorkState } from "../store/scholar-repo.js";
import { readBibtexFields } from "./bibtex.js";
import { stripDisambiguation } from "./dblp-source.js";
import { SourceError } from "./http-source.js";
import { idsFromLink, type Pin } from "../papers/identify.js";
import type { IdKey, PaperRecord, RecordField, RecordSource } from "../papers/record.js";
import { originUrl, type ArxivEntry, type DblpHit, type ScholarSourceName, type ScholarSources } from "./sources.js";
import { dblpQuery, judgeHit } from "./title-match.js";

/** How one paper's enrichment ended, or that it waits for a source. */
export type PaperOutcome =
  | { kind: "resolved"; via: ResolvedVia; record: PaperRecord }
  | { kind: "unresolved"; reason: string }
  | { kind: "cleared" }
  | { kind: "waiting"; source: ScholarSourceName; error: string; retryAfterMs?: number };

export interface EnrichContext {
  sources: ScholarSources;
  pin: Pin | undefined;
  now: () => Date;
  /** A source in back-off is not called; the paper waits for it. */
  blocked(source: ScholarSourceName): string | undefined;
  /** Entries fetched in one batch for several papers. */
  arxivEntries: Map<string, ArxivEntry>;
  /** Stores progress after each step, so a restart resumes from it. */
  save(state: WorkState): void;
  signal?: AbortSignal;
}

/** Which source wins a field when several give it: the first listed. */
const PRECEDENCE: Record<RecordField, RecordSource[]> = {
  title: ["dblp", "arxiv", "s2"],
  authors: ["arxiv", "dblp", "s2"],
  abstract: ["arxiv", "s2"],
  tldr: ["s2"],
  venue: ["dblp", "s2", "arxiv"],
  year: ["dblp", "s2", "arxiv"],
  bibtex: ["dblp"],
};

const rank = (field: RecordField, source: RecordSource) => {
  const i = PRECEDENCE[field].indexOf(source);
  return i < 0 ? 99 : i;
};

function emptyRecord(at: string): PaperRecord {
  return { ids: {}, origins: {}, fetchedAt: at };
}

function put<F extends RecordField>(record: PaperRecord, field: F, value: PaperRecord[F] | undefined, source: RecordSource, url: string, at: string): void {
  if (value === undefined || (Array.isArray(value) && value.length === 0)) return;
  const current = record.origins[field]?.source;
  if (current !== undefined && current !== source && rank(field, current) < rank(field, source)) return;
  (record as Record<string, unknown>)[field] = value;
  record.origins[field] = { source, url };
  record.fetchedAt = at;
}

/** Sets an identifier with where it was read; only an identifier not known yet. */
function putId(record: PaperRecord, key: IdKey, value: string | undefined, source: RecordSource, url: string): void {
  if (value === undefined || record.ids[key] !== undefined) return;
  record.ids[key] = value;
  (record.idOrigins ??= {})[key] = { source, url };
}

const PREPRINT_VENUE = /^(arxiv(\.org)?|corr)$/i;
/** arXiv's own DOIs (10.48550/arXiv.…) name the preprint, not a published version. */
const isArxivDoi = (doi: string) => doi.startsWith("10.48550/");

export const isPreprintVenue = (venue: string | undefined) => venue === undefined || PREPRINT_VENUE.test(venue.trim());

function steps(state: WorkState): ScholarStep[] {
  const ids = state.record?.ids ?? {};
  const next: ScholarStep[] = [];
  if (!state.done.includes("resolve")) return ["resolve"];
  if (ids.arxiv && !state.done.includes("arxiv")) next.push("arxiv");
  if ((ids.doi || ids.arxiv) && !state.done.includes("s2")) next.push("s2");
  if (ids.dblp && !state.done.includes("dblp-bib")) next.push("dblp-bib");
  return next;
}

/**
 * Resolves a paper and gathers its record, step by step: identify it (pin,
 * link or DBLP search), then arXiv, Semantic Scholar and DBLP's BibTeX as its
 * ids allow. A failing source stops only this paper, keeping its progress.
 */
export async function enrichPaper(paper: Paper, start: WorkState, ctx: EnrichContext): Promise<PaperOutcome> {
  const state: WorkState = structuredClone(start);
  const at = () => ctx.now().toISOString();
  try {
    for (let step = steps(state)[0]; step !== undefined; step = steps(state)[0]) {
      const waitFor = (source: ScholarSourceName) => ctx.blocked(source);
      const source: ScholarSourceName | undefined = step === "arxiv" ? "arxiv" : step === "s2" ? "s2" : step === "dblp-bib" ? "dblp" : undefined;
      const blockedReason = source ? waitFor(source) : undefined;
      if (source && blockedReason) return { kind: "waiting", source, error: blockedReason };
      if (step === "resolve") {
        const resolved = await resolveIds(paper, ctx, at());
        if (resolved.kind !== "ok") return resolved;
        state.via = resolved.via;
        state.record = resolved.record;
      } else {
        await runStep(step, state, ctx, at());
      }
      state.done.push(step);
      ctx.save(state);
    }
  } catch (error) {
    if (error instanceof SourceError) return { kind: "waiting", source: error.source, error: error.message, ...(error.retryAfterMs !== undefined ? { retryAfterMs: error.retryAfterMs } : {}) };
    throw error;
  }
  const record = state.record;
  if (!record?.title) {
    const ids = Object.entries(record?.ids ?? {}).map(([k, v]) => `${k}:${v}`).join(", ");
    return { kind: "unresolved", reason: `no source has a record for ${ids || "it"}` };
  }
  return { kind: "resolved", via: state.via ?? "pin", record };
}

type Resolved = { kind: "ok"; via: ResolvedVia; record: PaperRecord } | Extract<PaperOutcome, { kind: "unresolved" | "cleared" | "waiting" }>;

async function resolveIds(paper: Paper, ctx: EnrichContext, at: string): Promise<Resolved> {
  const record = emptyRecord(at);
  const pin = ctx.pin;
  if (pin?.kind === "none") return { kind: "cleared" };
  if (pin) {
    record.ids[pin.kind] = pin.value;
    return { kind: "ok", via: "pin", record };
  }
  const fromLink = idsFromLink(paper.links.paper);
  if (fromLink) {
    Object.assign(record.ids, fromLink);
    // An arXiv link is arXiv's own page; a DOI link's origin has no source name of ours (it is the list's link).
    if (fromLink.arxiv && paper.links.paper) record.idOrigins = { arxiv: { source: "arxiv", url: paper.links.paper } };
    return { kind: "ok", via: fromLink.arxiv ? "arxiv-link" : "doi-link", record };
  }
  const blocked = ctx.blocked("dblp");
  if (blocked) return { kind: "waiting", source: "dblp", error: blocked };
  // The name with the venue first; the name alone when that finds no match (DBLP spells some venues otherwise).
  const queries = [...new Set([dblpQuery(paper), dblpQuery({ name: paper.name, venue: null })])];
  const rejected = new Map<string, string>();
  let hit: DblpHit | undefined;
  for (const query of queries) {
    const hits = await ctx.sources.dblp.search(query, 10, ctx.signal);
    const accepted = hits.filter((h) => judgeHit(paper, h).ok);
    const titles = new Set(accepted.map((h) => h.title.toLowerCase()));
    if (titles.size > 1) return { kind: "unresolved", reason: `several DBLP records match: ${accepted.slice(0, 3).map((h) => `"${h.title}" (${h.key})`).join(", ")}` };
    hit = accepted[0];
    if (hit) break;
    for (const h of hits) {
      const verdict = judgeHit(paper, h);
      if (!verdict.ok) rejected.set(h.key, verdict.reason);
    }
  }
  if (!hit) {
    if (rejected.size === 0) return { kind: "unresolved", reason: `DBLP has no publication for ${queries.map((q) => `"${q}"`).join(" or ")}` };
    const why = [...rejected.values()];
    return { kind: "unresolved", reason: `no DBLP hit is this paper: ${why.slice(0, 3).join(" | ")}${why.length > 3 ? ` (and ${why.length - 3} more)` : ""}` };
  }
  const url = originUrl.dblp(hit.key);
  putId(record, "dblp", hit.key, "dblp", url);
  putId(record, "doi", hit.doi ?? undefined, "dblp", url);
  put(record, "title", hit.title, "dblp", url, at);
  put(record, "authors", hit.authors, "dblp", url, at);
  put(record, "venue", hit.venue ?? undefined, "dblp", url, at);
  put(record, "year", hit.year ?? undefined, "dblp", url, at);
  return { kind: "ok", via: "dblp-search", record };
}

async function runStep(step: Exclude<ScholarStep, "resolve">, state: WorkState, ctx: EnrichContext, at: string): Promise<void> {
  const record = (state.record ??= emptyRecord(at));
  const ids = record.ids;
  if (step === "arxiv" && ids.arxiv) {
    const entry = ctx.arxivEntries.get(ids.arxiv) ?? (await ctx.sources.arxiv.entries([ids.arxiv], ctx.signal)).get(ids.arxiv);
    if (!entry) return;
    const url = originUrl.arxiv(entry.id);
    put(record, "title", entry.title, "arxiv", url, at);
    put(record, "authors", entry.authors, "arxiv", url, at);
    put(record, "abstract", entry.abstract || undefined, "arxiv", url, at);
    const year = Number(entry.published.slice(0, 4));
    put(record, "year", Number.isInteger(year) && year >= 1950 ? year : undefined, "arxiv", url, at);
    put(record, "venue", "arXiv", "arxiv", url, at);
    if (entry.doi && !isArxivDoi(entry.doi)) putId(record, "doi", entry.doi, "arxiv", url);
  } else if (step === "s2") {
    const ref = ids.doi ? { doi: ids.doi } : { arxiv: ids.arxiv as string };
    const found = await ctx.sources.s2.paper(ref, ctx.signal);
    if (!found) return;
    const url = originUrl.s2(found.paperId);
    putId(record, "s2", found.paperId, "s2", url);
    put(record, "title", found.title, "s2", url, at);
    put(record, "authors", found.authors, "s2", url, at);
    put(record, "abstract", found.abstract, "s2", url, at);
    put(record, "tldr", found.tldr, "s2", url, at);
    put(record, "venue", found.venue && PREPRINT_VENUE.test(found.venue) ? "arXiv" : found.venue, "s2", url, at);
    put(record, "year", found.year, "s2", url, at);
    putId(record, "dblp", found.externalIds.dblp, "s2", url);
    if (found.externalIds.doi && !isArxivDoi(found.externalIds.doi)) putId(record, "doi", found.externalIds.doi, "s2", url);
    // A preprint S2 knows of is fetched next (its abstract).
    putId(record, "arxiv", found.externalIds.arxiv, "s2", url);
  } else if (step === "dblp-bib" && ids.dblp) {
    const bib = await ctx.sources.dblp.bibtex(ids.dblp, ctx.signal);
    if (!bib) return;
    const url = originUrl.dblp(ids.dblp);
    put(record, "bibtex", bib, "dblp", url, at);
    const f = readBibtexFields(bib);
    // The entry fills only what nothing gave yet (a DBLP pin): its booktitle is long, the search's venue short.
    if (!record.title) put(record, "title", f.title?.replace(/\.$/, ""), "dblp", url, at);
    if (!record.authors) put(record, "authors", f.author?.split(/\s+and\s+/).map(stripDisambiguation).filter(Boolean), "dblp", url, at);
    const venue = f.booktitle ?? f.journal;
    if (!record.venue) put(record, "venue", venue && PREPRINT_VENUE.test(venue) ? "arXiv" : venue, "dblp", url, at);
    const year = Number(f.year);
    put(record, "year", Number.isInteger(year) && year >= 1950 && year <= 2100 ? year : undefined, "dblp", url, at);
    putId(record, "doi", f.doi?.toLowerCase(), "dblp", url);
  }
}
