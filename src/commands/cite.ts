import type { Paper } from "../papers/index.js";
import { buildBibtex, citeKey, citeText, type CiteSource } from "../scholar/bibtex.js";
import type { PaperRecords } from "../papers/record.js";
import { errorReply, type Reply } from "../replies/reply.js";
import { resolvePaper } from "../search/resolve.js";
import { defineCommand } from "./command.js";
import { choice, text } from "./options.js";

const citeSource = (paper: Paper, records: PaperRecords): CiteSource => {
  const record = records.get(paper.id);
  return { name: paper.name, year: paper.year, venue: paper.venue, ...(paper.links.paper ? { url: paper.links.paper } : {}), ...(record ? { record } : {}) };
};

/** One paper's citation and where it came from: DBLP's own BibTeX when there is one, else built. */
function cite(paper: Paper, records: PaperRecords, format: "bibtex" | "text"): { entry: string; from: string } {
  const source = citeSource(paper, records);
  const from = source.record?.title ? "built from its record" : "built from the list (no record)";
  if (format === "text") return { entry: citeText(source), from };
  if (source.record?.bibtex) return { entry: source.record.bibtex.trim(), from: "DBLP" };
  return { entry: buildBibtex(source), from };
}

export const citeCommand = defineCommand({
  name: "cite",
  description: "A paper's BibTeX (from DBLP, else built from its record), or the whole list's bibliography.",
  group: "papers",
  options: {
    paper: text({ description: 'Paper name, or "all" for the whole list', max: 100, autocomplete: "papers" }),
    format: choice(["bibtex", "text"], { description: "bibtex (default) or text" }).optional(),
  },
  positional: ["paper"],
  examples: ["cite AlpaServe", "cite all", "cite Shepherd format:text"],
  run({ paper: query, format = "bibtex" }, { services: { catalog } }): Reply {
    const { list, records } = catalog;
    let papers: Paper[];
    if (query.trim().toLowerCase() === "all") papers = list.papers;
    else {
      const found = resolvePaper(catalog.index, query);
      if (found.kind === "none") return errorReply("not-found", `No paper matches "${query}".`, "Try cite all for the whole list.");
      if (found.kind === "several") return errorReply("invalid", `Several papers match "${query}": ${found.hits.map((h) => h.paper.name).join(", ")}.`, "Give the full name.");
      papers = [found.paper];
    }
    const cited = papers.map((p) => ({ paper: p, ...cite(p, records, format) }));
    const one = papers.length === 1 ? papers[0] : undefined;
    const base = one ? citeKey(one.name, null) : "mss-papers";
    const ext = format === "bibtex" ? "bib" : "txt";
    const content = `${cited.map((c) => c.entry).join("\n\n")}\n`;
    const fromDblp = cited.filter((c) => c.from === "DBLP").length;
    return {
      kind: "info",
      title: one ? `Citation: ${one.name}` : `Bibliography: ${papers.length} papers`,
      text: format === "bibtex" ? `${fromDblp} of ${cited.length} from DBLP, the rest built from what is known; attached as ${base}.${ext}.` : `Attached as ${base}.${ext}.`,
      sections: [{ title: "Entries", rows: cited.slice(0, 25).map((c) => ({ label: c.paper.name, value: c.from })) }],
      file: { name: `${base}.${ext}`, mime: format === "bibtex" ? "application/x-bibtex" : "text/plain", content },
    };
  },
});
