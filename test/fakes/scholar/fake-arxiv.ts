import { FakeSourceServer, type Answer } from "./fake-source-server.js";

export interface FakeArxivPaper {
  id: string;
  title: string;
  summary: string;
  authors: string[];
  published: string;
  doi?: string;
  journalRef?: string;
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** The arXiv API: GET /api/query?id_list=A,B answers an Atom feed, one entry per id (an error entry for unknown ones). */
export class FakeArxiv extends FakeSourceServer {
  readonly papers = new Map<string, FakeArxivPaper>();

  add(...papers: FakeArxivPaper[]): this {
    for (const p of papers) this.papers.set(p.id, p);
    return this;
  }

  /** The id lists asked for, one per request. */
  get idLists(): string[][] {
    return this.requests.map((r) => (r.query.get("id_list") ?? "").split(",").filter(Boolean));
  }

  protected route(path: string, query: URLSearchParams): Answer {
    if (path !== "/api/query") return { status: 404, contentType: "text/plain", body: "not found" };
    const ids = (query.get("id_list") ?? "").split(",").filter(Boolean);
    const entries = ids.map((id) => {
      const p = this.papers.get(id);
      if (!p) {
        return `<entry><id>http://arxiv.org/api/errors#incorrect_id_format_for_${esc(id)}</id><title>Error</title><summary>incorrect id format for ${esc(id)}</summary><updated>2026-11-28T00:00:00-05:00</updated><link href="http://arxiv.org/api/errors#incorrect_id_format_for_${esc(id)}" rel="alternate" type="text/html"/><author><name>arXiv api core</name></author></entry>`;
      }
      return `<entry>
    <id>http://arxiv.org/abs/${p.id}v2</id>
    <updated>${p.published}</updated>
    <published>${p.published}</published>
    <title>${esc(p.title).replace(/ /, "\n  ")}</title>
    <summary>  ${esc(p.summary)}
</summary>
${p.authors.map((a) => `    <author>\n      <name>${esc(a)}</name>\n    </author>`).join("\n")}
${p.doi ? `    <arxiv:doi xmlns:arxiv="http://arxiv.org/schemas/atom">${esc(p.doi)}</arxiv:doi>\n    <link title="doi" href="http://dx.doi.org/${esc(p.doi)}" rel="related"/>` : ""}
${p.journalRef ? `    <arxiv:journal_ref xmlns:arxiv="http://arxiv.org/schemas/atom">${esc(p.journalRef)}</arxiv:journal_ref>` : ""}
    <link href="http://arxiv.org/abs/${p.id}v2" rel="alternate" type="text/html"/>
    <link title="pdf" href="http://arxiv.org/pdf/${p.id}v2" rel="related" type="application/pdf"/>
    <arxiv:primary_category xmlns:arxiv="http://arxiv.org/schemas/atom" term="cs.DC" scheme="http://arxiv.org/schemas/atom"/>
    <category term="cs.DC" scheme="http://arxiv.org/schemas/atom"/>
    <category term="cs.LG" scheme="http://arxiv.org/schemas/atom"/>
  </entry>`;
    });
    const body = `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <link href="http://arxiv.org/api/query?search_query%3D%26id_list%3D${encodeURIComponent(ids.join(","))}%26start%3D0%26max_results%3D10" rel="self" type="application/atom+xml"/>
  <title type="html">ArXiv Query: search_query=&amp;id_list=${esc(ids.join(","))}&amp;start=0&amp;max_results=10</title>
  <id>http://arxiv.org/api/fixture</id>
  <updated>2026-11-28T00:00:00-05:00</updated>
  <opensearch:totalResults xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">${ids.length}</opensearch:totalResults>
  <opensearch:startIndex xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">0</opensearch:startIndex>
  <opensearch:itemsPerPage xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">10</opensearch:itemsPerPage>
  ${entries.join("\n  ")}
</feed>
`;
    return { status: 200, contentType: "application/atom+xml; charset=utf-8", body };
  }

  protected malformed(): Answer {
    return { status: 200, contentType: "application/atom+xml", body: `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><entry><id>http://arxiv.org/abs/2311.15566v1</id><title>Broken` };
  }
}
