import Fuse from "fuse.js";
import { Charset, Document } from "flexsearch";
import MiniSearch from "minisearch";
import type { Paper } from "../src/papers/index.js";
import type { PaperRecords } from "../src/papers/record.js";

/** One paper as the peers index it: the name with its aliases, title, authors, and venue words with the year. */
export interface PeerDoc {
  [key: string]: string | number;
  n: number;
  id: string;
  name: string;
  title: string;
  authors: string;
  venue: string;
}

export function peerDocs(papers: readonly Paper[], records: PaperRecords): PeerDoc[] {
  return papers.map((p, n) => {
    const record = records.get(p.id);
    return {
      n,
      id: p.id,
      name: [p.name, ...p.aliases].join(" "),
      title: record?.title ?? "",
      authors: (record?.authors ?? []).join(", "),
      venue: [p.venue, record?.venue, p.year].filter((v) => v !== null && v !== undefined).join(" "),
    };
  });
}

/** A search library set up over the same fields, answering with its first hit's paper id (null: nothing). */
export interface Peer {
  label: string;
  first(query: string): string | null;
}

/**
 * The peers the bench runs beside our index, each configured as a developer
 * would for this job: fields name (boosted), title, authors and venue; typo
 * tolerance and prefix matching on.
 */
export function buildPeers(docs: PeerDoc[]): Peer[] {
  const mini = new MiniSearch<PeerDoc>({
    idField: "id",
    fields: ["name", "title", "authors", "venue"],
    searchOptions: { boost: { name: 3 }, fuzzy: 0.2, prefix: true },
  });
  mini.addAll(docs);

  const flex = new Document<PeerDoc>({
    document: { id: "n", index: [{ field: "name", tokenize: "forward" }, { field: "title", tokenize: "forward" }, { field: "authors", tokenize: "forward" }, { field: "venue", tokenize: "forward" }] },
    encoder: Charset.LatinBalance,
  });
  for (const doc of docs) flex.add(doc);

  const fuse = new Fuse(docs, {
    keys: [{ name: "name", weight: 3 }, "title", "authors", "venue"],
    ignoreLocation: true,
    threshold: 0.4,
  });

  return [
    { label: "minisearch", first: (q) => mini.search(q)[0]?.id ?? null },
    {
      label: "flexsearch",
      first: (q) => {
        // Fields in order of importance, suggest on (partial matches), as its docs advise for search-as-you-type.
        const found = flex.search(q, { limit: 1, suggest: true, merge: true }) as Array<{ id: number }>;
        const n = found[0]?.id;
        return n === undefined ? null : (docs[n]?.id ?? null);
      },
    },
    { label: "fuse.js", first: (q) => fuse.search(q, { limit: 1 })[0]?.item.id ?? null },
  ];
}
