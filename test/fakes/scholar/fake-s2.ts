import { FakeSourceServer, type Answer } from "./fake-source-server.js";

export interface FakeS2Paper {
  paperId: string;
  title: string;
  abstract: string | null;
  tldr: string | null;
  venue: string;
  year: number;
  authors: string[];
  externalIds: Record<string, string | number>;
}

/**
 * The Semantic Scholar Graph API: GET /graph/v1/paper/{DOI:...|ARXIV:...}?fields=...
 * answers the paper (tldr an object or null), or 404 with an error body.
 */
export class FakeS2 extends FakeSourceServer {
  /** "DOI:10.1145/..." or "ARXIV:2311.15566" -> paper. */
  private readonly papers = new Map<string, FakeS2Paper>();

  add(paper: FakeS2Paper, ...refs: string[]): this {
    for (const ref of refs) this.papers.set(ref.toUpperCase(), paper);
    return this;
  }

  protected route(path: string): Answer {
    const m = /^\/graph\/v1\/paper\/(.+)$/.exec(path);
    const ref = m?.[1] ?? "";
    const paper = this.papers.get(ref.toUpperCase());
    if (!paper) return { status: 404, contentType: "application/json", body: JSON.stringify({ error: `Paper with id ${ref} not found` }) };
    const body = {
      paperId: paper.paperId,
      externalIds: paper.externalIds,
      title: paper.title,
      abstract: paper.abstract,
      venue: paper.venue,
      year: paper.year,
      authors: paper.authors.map((name, i) => ({ authorId: String(100 + i), name })),
      tldr: paper.tldr === null ? null : { model: "tldr@v2.0.0", text: paper.tldr },
    };
    return { status: 200, contentType: "application/json", body: JSON.stringify(body) };
  }

  protected malformed(): Answer {
    return { status: 200, contentType: "application/json", body: "<html>Bad gateway</html>" };
  }
}
