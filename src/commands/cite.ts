import type { Paper } from "../papers/index.js";
import { buildBibtex, citeKey, citeText, type CiteSource } from "../scholar/bibtex.js";
import type { PaperRecords } from "../papers/record.js";
import { errorReply, type Reply } from "../replies/reply.js";
import { resolvePaper } from "../search/resolve.js";
import { defineCommand } from "./command.js";
import { severalPapers } from "./several-papers.js";
import { followedList, listOption } from "./list-option.js";
import { choice, text } from "./options.js";

const citeSource = (paper: Paper, records: PaperRecords): CiteSource => {
  const record = records.get(paper.id);
  // Without a record, the title and authors its list gives (a record's win).
  const listed = record ? {} : { ...(paper.title ? { title: paper.title } : {}), ...(paper.authors?.length ? { authors: paper.authors } : {}) };
  return { name: paper.name, year: paper.year, venue: paper.venue, ...listed, ...(paper.links.paper ? { url: paper.links.paper } : {}), ...(record ? { record } : {}) };
};

/** Where one entry came from, as the reply names it: DBLP, the page a stored entry was read at, or what it was built from. */
type EntryFrom = { kind: "dblp" } | { kind: "page"; url: string } | { kind: "record" } | { kind: "row" };

/** A page as a reader recognises it: "github.com/punica-ai/punica/…/README.md". */
function pageName(url: string): string {
  const parsed = new URL(url);
  const host = parsed.hostname.replace(/^www\./, "");
  const parts = parsed.pathname.split("/").filter((p) => p !== "");
  return parts.length <= 3 ? [host, ...parts].join("/") : `${host}/${parts[0]}/${parts[1]}/…/${parts.at(-1)}`;
}

function describeFrom(from: EntryFrom): { value: string; url?: string } {
  switch (from.kind) {
    case "dblp":
      return { value: "from DBLP" };
    case "page":
      return { value: `from the page ${pageName(from.url)}`, url: from.url };
    case "record":
      return { value: "built from its record" };
    case "row":
      return { value: "built from the list's row" };
  }
}

/** One paper's citation and where it came from: a stored BibTeX (DBLP's, or one read at a named page) when there is one, else built. */
function cite(paper: Paper, records: PaperRecords, format: "bibtex" | "text"): { entry: string; from: EntryFrom } {
  const source = citeSource(paper, records);
  const built: EntryFrom = source.record?.title ? { kind: "record" } : { kind: "row" };
  if (format === "text") return { entry: citeText(source), from: built };
  const bibtex = source.record?.bibtex;
  const origin = source.record?.origins.bibtex;
  if (bibtex && origin) return { entry: bibtex.trim(), from: origin.source === "dblp" ? { kind: "dblp" } : { kind: "page", url: origin.url } };
  return { entry: buildBibtex(source), from: built };
}

/** "2 from DBLP, 1 from the page each names, 1 built from its record": the non-zero counts, in that order. */
function countLine(froms: readonly EntryFrom[]): string {
  const count = (kind: EntryFrom["kind"]) => froms.filter((f) => f.kind === kind).length;
  const parts = [
    [count("dblp"), "from DBLP"],
    [count("page"), `from the page ${count("page") === 1 ? "it names" : "each names"}`],
    [count("record"), `built from ${count("record") === 1 ? "its record" : "their records"}`],
    [count("row"), `built from the list's ${count("row") === 1 ? "row" : "rows"}`],
  ] as const;
  return parts.filter(([n]) => n > 0).map(([n, what]) => `${n} ${what}`).join(", ");
}

const capitalize = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;

export const citeCommand = defineCommand({
  name: "cite",
  description: "A paper's BibTeX (from DBLP or the page it was read at, else built), or the list's bibliography.",
  group: "papers",
  options: {
    paper: text({ description: 'Paper name, or "all" for the whole list', max: 100, autocomplete: "papers" }),
    format: choice(["bibtex", "text"], { description: "bibtex (default) or text" }).optional(),
    list: listOption("With all: only this followed list's papers").optional(),
  },
  positional: ["paper"],
  examples: ["cite AlpaServe", "cite all", "cite all list:llmsys", "cite Shepherd format:text"],
  run({ paper: query, format = "bibtex", list: listName }, { services: { catalog } }): Reply {
    const { list, records } = catalog;
    let papers: Paper[];
    if (query.trim().toLowerCase() === "all") {
      const followed = listName === undefined ? undefined : followedList(catalog, listName);
      if (followed && "error" in followed) return followed.error;
      papers = followed ? list.papers.filter((p) => (p.lists ?? []).includes(followed.id)) : list.papers;
    } else {
      const found = resolvePaper(catalog.index, query);
      if (found.kind === "none") return errorReply("not-found", `No paper matches "${query}".`, "Try cite all for the whole list.");
      if (found.kind === "several") return severalPapers("cite", query, found.hits.map((h) => h.paper));
      papers = [found.paper];
    }
    const cited = papers.map((p) => ({ paper: p, ...cite(p, records, format) }));
    const one = papers.length === 1 ? papers[0] : undefined;
    const base = one ? citeKey(one.name, null) : "mss-papers";
    const ext = format === "bibtex" ? "bib" : "txt";
    const content = `${cited.map((c) => c.entry).join("\n\n")}\n`;
    const origin = one && cited[0] ? capitalize(describeFrom(cited[0].from).value) : `Of ${cited.length}: ${countLine(cited.map((c) => c.from))}`;
    return {
      kind: "info",
      title: one ? `Citation: ${one.name}` : `Bibliography: ${papers.length} papers`,
      text: format === "bibtex" ? `${origin}; attached as ${base}.${ext}.` : `Attached as ${base}.${ext}.`,
      sections: [{ title: "Entries", rows: cited.slice(0, 25).map((c) => ({ label: c.paper.name, ...describeFrom(c.from) })) }],
      file: { name: `${base}.${ext}`, mime: format === "bibtex" ? "application/x-bibtex" : "text/plain", content },
    };
  },
});
