import { z } from "zod";
import { HttpSource, joinUrl, SourceError, type SourceClock } from "./http-source.js";
import type { S2Paper, S2Port } from "./sources.js";
import { collapseSpaces } from "../papers/index.js";

/** Semantic Scholar's shared pool allows about one request per second. */
export const S2_INTERVAL_MS = 1_000;
export const S2_FIELDS = "title,abstract,tldr,authors,year,venue,externalIds";

const text = z
  .string()
  .nullish()
  .transform((s) => (s == null || s.trim() === "" ? undefined : collapseSpaces(s)));

export const S2PaperSchema = z
  .object({
    paperId: z.string().min(1),
    title: text,
    abstract: text,
    venue: text,
    year: z.number().int().nullish(),
    authors: z.array(z.object({ name: z.string().nullish() }).passthrough()).nullish(),
    tldr: z.object({ text: text }).passthrough().nullish(),
    externalIds: z.record(z.string(), z.union([z.string(), z.number()]).nullish()).nullish(),
  })
  .passthrough();

/** Reads a Graph API paper answer. Throws on anything else. */
export function parseS2Paper(json: string): S2Paper {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw new Error("malformed JSON");
  }
  const parsed = S2PaperSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`unexpected paper answer (${parsed.error.issues[0]?.message ?? "invalid"})`);
  const p = parsed.data;
  const ext = p.externalIds ?? {};
  const id = (k: string) => (typeof ext[k] === "string" && ext[k] !== "" ? (ext[k] as string) : undefined);
  const paper: S2Paper = { paperId: p.paperId, authors: (p.authors ?? []).flatMap((a) => (a.name ? [collapseSpaces(a.name)] : [])), externalIds: {} };
  if (p.title) paper.title = p.title;
  if (p.abstract) paper.abstract = p.abstract;
  if (p.tldr?.text) paper.tldr = p.tldr.text;
  if (p.venue) paper.venue = p.venue;
  if (p.year) paper.year = p.year;
  const arxiv = id("ArXiv");
  const doi = id("DOI");
  const dblp = id("DBLP");
  if (arxiv) paper.externalIds.arxiv = arxiv;
  if (doi) paper.externalIds.doi = doi.toLowerCase();
  if (dblp) paper.externalIds.dblp = dblp;
  return paper;
}

/** The Semantic Scholar Graph API: GET {base}/graph/v1/paper/{DOI:...|ARXIV:...}. */
export class S2Source implements S2Port {
  readonly http: HttpSource;

  constructor(
    private readonly baseUrl: string,
    o: { apiKey?: string; clock?: SourceClock; timeoutMs?: number } = {},
  ) {
    const { apiKey, ...rest } = o;
    this.http = new HttpSource({ source: "s2", minIntervalMs: S2_INTERVAL_MS, ...(apiKey ? { headers: { "x-api-key": apiKey } } : {}), ...rest });
  }

  async paper(ref: { doi: string } | { arxiv: string }, signal?: AbortSignal): Promise<S2Paper | null> {
    const id = "doi" in ref ? `DOI:${ref.doi}` : `ARXIV:${ref.arxiv}`;
    // The DOI's slashes stay as they are: the Graph API reads "DOI:10.1145/3600006.3613165" as one id.
    const answer = await this.http.get(joinUrl(this.baseUrl, `/graph/v1/paper/${encodeURIComponent(id).replace(/%2F/gi, "/").replace(/%3A/gi, ":")}`, { fields: S2_FIELDS }), signal);
    if (answer.status === 404) return null;
    try {
      return parseS2Paper(answer.text);
    } catch (error) {
      throw new SourceError("s2", (error as Error).message);
    }
  }
}
