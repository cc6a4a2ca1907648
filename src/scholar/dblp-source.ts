import { z } from "zod";
import { HttpSource, joinUrl, SourceError, type SourceClock } from "./http-source.js";
import type { DblpHit, DblpPort } from "./sources.js";
import { collapseSpaces } from "../papers/index.js";

/** DBLP asks for at most one request per second. */
export const DBLP_INTERVAL_MS = 1_000;

const oneOrMany = <T extends z.ZodType>(item: T) => z.union([z.array(item), item]).transform((v) => (Array.isArray(v) ? v : [v]) as Array<z.output<T>>);

const AuthorSchema = z.union([z.string(), z.object({ text: z.union([z.string(), z.number()]) }).passthrough()]).transform((a) => String(typeof a === "string" ? a : a.text));

const InfoSchema = z
  .object({
    authors: z.object({ author: oneOrMany(AuthorSchema) }).optional(),
    title: z.union([z.string(), z.object({ text: z.string() }).passthrough()]).transform((t) => (typeof t === "string" ? t : t.text)),
    venue: oneOrMany(z.string()).optional(),
    year: z.union([z.string(), z.number()]).optional(),
    type: z.string().optional(),
    key: z.string().min(1),
    doi: z.string().optional(),
  })
  .passthrough();

export const DblpSearchSchema = z.object({
  result: z
    .object({
      hits: z.object({ hit: oneOrMany(z.object({ info: InfoSchema }).passthrough()).optional() }).passthrough(),
    })
    .passthrough(),
});

/** "Wei Wang 0001" -> "Wei Wang": DBLP's disambiguation number is not part of the name. */
export const stripDisambiguation = (name: string) => name.replace(/\s+\d{4}$/, "").trim();

/** "AlpaServe: Statistical Multiplexing ... Serving." -> without the closing period DBLP adds. */
export const stripClosingPeriod = (title: string) => title.replace(/(?<!\.)\.$/, "").trim();

/** Reads a DBLP publication search answer (format=json). Throws on anything else. */
export function parseDblpSearch(json: string): DblpHit[] {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw new Error("malformed JSON");
  }
  const parsed = DblpSearchSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`unexpected search answer (${parsed.error.issues[0]?.message ?? "invalid"})`);
  return (parsed.data.result.hits.hit ?? []).map(({ info }) => {
    const year = Number(info.year);
    const hit: DblpHit = {
      key: info.key,
      title: stripClosingPeriod(collapseSpaces(info.title)),
      authors: (info.authors?.author ?? []).map(stripDisambiguation),
      venue: info.venue?.join(" ") ?? null,
      year: Number.isInteger(year) && year > 0 ? year : null,
    };
    if (info.doi) hit.doi = info.doi.toLowerCase();
    if (info.type) hit.type = info.type;
    return hit;
  });
}

/** DBLP: publication search and a record's BibTeX. */
export class DblpSource implements DblpPort {
  readonly http: HttpSource;

  constructor(
    private readonly baseUrl: string,
    o: { clock?: SourceClock; timeoutMs?: number } = {},
  ) {
    this.http = new HttpSource({ source: "dblp", minIntervalMs: DBLP_INTERVAL_MS, ...o });
  }

  async search(query: string, max: number, signal?: AbortSignal): Promise<DblpHit[]> {
    const answer = await this.http.get(joinUrl(this.baseUrl, "/search/publ/api", { q: query, format: "json", h: String(max) }), signal);
    if (answer.status === 404) return [];
    try {
      return parseDblpSearch(answer.text);
    } catch (error) {
      throw new SourceError("dblp", (error as Error).message);
    }
  }

  async bibtex(key: string, signal?: AbortSignal): Promise<string | null> {
    // A key is path segments of letters, digits, "-", "_" and ".", never "..": it goes into a URL path.
    if (!/^[a-z]+(?:\/[\w-][\w.-]*)+$/i.test(key) || key.split("/").includes("..")) return null;
    const answer = await this.http.get(joinUrl(this.baseUrl, `/rec/${key}.bib`), signal);
    if (answer.status === 404) return null;
    const text = answer.text.trim();
    if (!/^@\w+\s*\{/.test(text)) throw new SourceError("dblp", "the BibTeX answer is not a BibTeX entry");
    return text;
  }
}
