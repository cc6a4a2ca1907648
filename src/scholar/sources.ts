/**
 * The ports of the scholarly sources: one per source, each a thin client with
 * its own rate limit (see arxiv-source.ts, dblp-source.ts, s2-source.ts).
 * Tests pass fakes that speak the real formats; MSS_ENRICH=false passes none.
 */

export const SCHOLAR_SOURCE_NAMES = ["arxiv", "dblp", "s2"] as const;
export type ScholarSourceName = (typeof SCHOLAR_SOURCE_NAMES)[number];

/** One arXiv entry, as the Atom feed gives it. */
export interface ArxivEntry {
  /** Without version: "2302.11665". */
  id: string;
  title: string;
  abstract: string;
  authors: string[];
  /** ISO date of the first version. */
  published: string;
  /** The DOI of the published version, when the authors gave one. */
  doi?: string;
  journalRef?: string;
}

/** One DBLP search hit. */
export interface DblpHit {
  key: string;
  /** Without DBLP's closing period. */
  title: string;
  /** Without disambiguation numbers ("Wei Wang 0001" -> "Wei Wang"). */
  authors: string[];
  venue: string | null;
  year: number | null;
  doi?: string;
  type?: string;
}

/** One Semantic Scholar paper. */
export interface S2Paper {
  paperId: string;
  title?: string;
  abstract?: string;
  tldr?: string;
  venue?: string;
  year?: number;
  authors: string[];
  externalIds: { arxiv?: string; doi?: string; dblp?: string };
}

export interface ArxivPort {
  /** Entries by id (versionless); ids arXiv does not know are absent. Batched by the caller. */
  entries(ids: string[], signal?: AbortSignal): Promise<Map<string, ArxivEntry>>;
}

export interface DblpPort {
  search(query: string, max: number, signal?: AbortSignal): Promise<DblpHit[]>;
  /** The record's BibTeX, or null when DBLP has no such key. */
  bibtex(key: string, signal?: AbortSignal): Promise<string | null>;
}

export interface S2Port {
  /** The paper by DOI or arXiv id; null when Semantic Scholar does not have it (404). */
  paper(ref: { doi: string } | { arxiv: string }, signal?: AbortSignal): Promise<S2Paper | null>;
}

export interface ScholarSources {
  arxiv: ArxivPort;
  dblp: DblpPort;
  s2: S2Port;
}

/** The public page a reader can check a field at. */
export const originUrl = {
  arxiv: (id: string) => `https://arxiv.org/abs/${id}`,
  dblp: (key: string) => `https://dblp.org/rec/${key}`,
  s2: (paperId: string) => `https://www.semanticscholar.org/paper/${encodeURIComponent(paperId)}`,
} as const;
