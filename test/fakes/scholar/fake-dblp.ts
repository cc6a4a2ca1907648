import { FakeSourceServer, type Answer } from "./fake-source-server.js";

export interface FakeDblpRecord {
  key: string;
  /** With DBLP's closing period. */
  title: string;
  /** With DBLP's disambiguation numbers where a name has one. */
  authors: Array<{ name: string; pid: string }>;
  venue: string;
  year: string;
  doi?: string;
  bibtex?: string;
}

/**
 * DBLP: GET /search/publ/api?q=&format=json&h= answers hits whose `author` is
 * an object for one author and an array for several, as DBLP's JSON does;
 * GET /rec/{key}.bib answers the record's BibTeX.
 */
export class FakeDblp extends FakeSourceServer {
  private readonly records: FakeDblpRecord[] = [];
  /** Query (lower-cased) -> keys it finds; a query not listed finds nothing. */
  private readonly results = new Map<string, string[]>();

  add(record: FakeDblpRecord, ...queries: string[]): this {
    this.records.push(record);
    for (const q of queries) this.results.set(q.toLowerCase(), [...(this.results.get(q.toLowerCase()) ?? []), record.key]);
    return this;
  }

  protected route(path: string, query: URLSearchParams): Answer {
    if (path === "/search/publ/api") {
      const q = query.get("q") ?? "";
      const h = Number(query.get("h") ?? "30");
      const found = (this.results.get(q.toLowerCase()) ?? []).slice(0, h).map((key) => this.records.find((r) => r.key === key) as FakeDblpRecord);
      const hit = found.map((r, i) => {
        const authors = r.authors.map((a) => ({ "@pid": a.pid, text: a.name }));
        return {
          "@score": String(10 - i),
          "@id": String(1000 + i),
          info: {
            authors: { author: authors.length === 1 ? authors[0] : authors },
            title: r.title,
            venue: r.venue,
            pages: "1-16",
            year: r.year,
            type: "Conference and Workshop Papers",
            access: "open",
            key: r.key,
            ...(r.doi ? { doi: r.doi, ee: `https://doi.org/${r.doi}` } : {}),
            url: `https://dblp.org/rec/${r.key}`,
          },
          url: `URL#${1000 + i}`,
        };
      });
      const body = {
        result: {
          query: `${q}*`,
          status: { "@code": "200", text: "OK" },
          time: { "@unit": "msecs", text: "1.00" },
          completions: { "@total": "0", "@computed": "0", "@sent": "0" },
          hits: { "@total": String(hit.length), "@computed": String(hit.length), "@sent": String(hit.length), "@first": "0", ...(hit.length > 0 ? { hit } : {}) },
        },
      };
      return { status: 200, contentType: "application/json", body: JSON.stringify(body) };
    }
    const bib = /^\/rec\/(.+)\.bib$/.exec(path);
    const record = bib && this.records.find((r) => r.key === bib[1]);
    if (record?.bibtex) return { status: 200, contentType: "application/x-bibtex; charset=utf-8", body: record.bibtex };
    return { status: 404, contentType: "text/html", body: "<html><body>Error 404: not found</body></html>" };
  }

  protected malformed(): Answer {
    return { status: 200, contentType: "application/json", body: '{"result":{"hits":{"hit":[{"info":{"title":"Half' };
  }
}
