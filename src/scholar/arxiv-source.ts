import { XMLParser, XMLValidator } from "fast-xml-parser";
import { z } from "zod";
import { HttpSource, joinUrl, SourceError, type SourceClock } from "./http-source.js";
import type { ArxivEntry, ArxivPort } from "./sources.js";
import { collapseSpaces } from "../papers/index.js";

/** arXiv asks for no more than one request every three seconds. */
export const ARXIV_INTERVAL_MS = 3_000;
export const ARXIV_BATCH = 20;

const TextNode = z.union([z.string(), z.number(), z.object({ "#text": z.union([z.string(), z.number()]) }).passthrough()]).transform((v) => collapseSpaces(String(typeof v === "object" ? v["#text"] : v)));

const EntrySchema = z
  .object({
    id: TextNode,
    title: TextNode.optional(),
    summary: TextNode.optional(),
    published: TextNode.optional(),
    author: z.array(z.object({ name: TextNode }).passthrough()).optional(),
    "arxiv:doi": TextNode.optional(),
    "arxiv:journal_ref": TextNode.optional(),
  })
  .passthrough();

const FeedSchema = z.object({ feed: z.object({ entry: z.array(EntrySchema).optional() }).passthrough() });

const ABS_ID = /arxiv\.org\/abs\/(.+?)(?:v\d+)?$/i;

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@_", isArray: (name) => ["entry", "author", "link", "category"].includes(name) });

/** Reads an arXiv Atom feed; error entries (unknown ids) are left out. Throws on XML that is not an Atom feed. */
export function parseArxivFeed(xml: string): ArxivEntry[] {
  if (XMLValidator.validate(xml) !== true) throw new Error("malformed XML");
  const feed = FeedSchema.safeParse(parser.parse(xml));
  if (!feed.success) throw new Error(`unexpected Atom feed (${feed.error.issues[0]?.message ?? "invalid"})`);
  return (feed.data.feed.entry ?? []).flatMap((e): ArxivEntry[] => {
    const id = ABS_ID.exec(e.id)?.[1];
    if (!id || !e.title || e.title === "Error") return [];
    const entry: ArxivEntry = { id, title: e.title, abstract: e.summary ?? "", authors: (e.author ?? []).map((a) => a.name).filter(Boolean), published: e.published ?? "" };
    if (e["arxiv:doi"]) entry.doi = e["arxiv:doi"].toLowerCase();
    if (e["arxiv:journal_ref"]) entry.journalRef = e["arxiv:journal_ref"];
    return [entry];
  });
}

/** The arXiv API: GET {base}/api/query?id_list=ID[,ID...]. */
export class ArxivSource implements ArxivPort {
  readonly http: HttpSource;

  constructor(
    private readonly baseUrl: string,
    o: { clock?: SourceClock; timeoutMs?: number } = {},
  ) {
    this.http = new HttpSource({ source: "arxiv", minIntervalMs: ARXIV_INTERVAL_MS, ...o });
  }

  async entries(ids: string[], signal?: AbortSignal): Promise<Map<string, ArxivEntry>> {
    const found = new Map<string, ArxivEntry>();
    for (let i = 0; i < ids.length; i += ARXIV_BATCH) {
      const batch = ids.slice(i, i + ARXIV_BATCH);
      const url = joinUrl(this.baseUrl, "/api/query", { id_list: batch.join(","), max_results: String(batch.length) });
      const answer = await this.http.get(url, signal);
      if (answer.status === 404) continue;
      let entries: ArxivEntry[];
      try {
        entries = parseArxivFeed(answer.text);
      } catch (error) {
        throw new SourceError("arxiv", (error as Error).message);
      }
      for (const entry of entries) found.set(entry.id, entry);
    }
    return found;
  }
}
