import { foldKey } from "../papers/index.js";
import type { PaperRecord } from "../papers/record.js";

/** BibTeX's special characters, escaped so untrusted text cannot open a group or a command. */
const SPECIALS: Record<string, string> = {
  "\\": "\\textbackslash{}",
  "{": "\\{",
  "}": "\\}",
  $: "\\$",
  "&": "\\&",
  "%": "\\%",
  "#": "\\#",
  _: "\\_",
  "~": "\\textasciitilde{}",
  "^": "\\textasciicircum{}",
};

export function escapeBibtex(text: string): string {
  return text.replace(/[\\{}$&%#_~^]/g, (c) => SPECIALS[c] as string).replace(/[\r\n\t]+/g, " ");
}

const isPreprint = (venue: string | undefined) => !venue || /^(arxiv|corr)$/i.test(venue.trim());

/** A citation key of letters and digits only: name plus year ("alpaserve2023"). */
export const citeKey = (name: string, year: number | null | undefined) => `${foldKey(name).replace(/[^a-z0-9]/g, "") || "paper"}${year ?? ""}`;

/** What a paper's BibTeX is built from when DBLP has none: the record, else the list's row. */
export interface CiteSource {
  name: string;
  year: number | null;
  venue: string | null;
  url?: string;
  /** The full title and authors the list gives, used when there is no record. */
  title?: string;
  authors?: string[];
  record?: PaperRecord;
}

/** One BibTeX entry built from what is known; every value escaped. */
export function buildBibtex(p: CiteSource): string {
  const r = p.record;
  const venue = r?.venue ?? p.venue ?? undefined;
  const year = r?.year ?? p.year ?? undefined;
  const fields: Array<[string, string]> = [["title", `{${escapeBibtex(r?.title ?? p.title ?? p.name)}}`]];
  const authors = r ? r.authors : p.authors;
  if (authors?.length) fields.push(["author", `{${authors.map(escapeBibtex).join(" and ")}}`]);
  const preprint = isPreprint(venue);
  if (preprint) {
    if (r?.ids.arxiv) fields.push(["eprint", `{${escapeBibtex(r.ids.arxiv)}}`], ["archiveprefix", "{arXiv}"]);
    fields.push(["howpublished", `{${r?.ids.arxiv ? `arXiv:${escapeBibtex(r.ids.arxiv)}` : "preprint"}}`]);
  } else if (venue) fields.push(["booktitle", `{${escapeBibtex(venue)}}`]);
  if (year !== undefined) fields.push(["year", `{${year}}`]);
  if (r?.ids.doi) fields.push(["doi", `{${escapeBibtex(r.ids.doi)}}`]);
  const url = r?.ids.arxiv ? `https://arxiv.org/abs/${r.ids.arxiv}` : p.url;
  if (url) fields.push(["url", `{${escapeBibtex(url)}}`]);
  const width = Math.max(...fields.map(([k]) => k.length));
  const body = fields.map(([k, v]) => `  ${k.padEnd(width)} = ${v}`).join(",\n");
  return `@${preprint ? "misc" : "inproceedings"}{${citeKey(p.name, year)},\n${body}\n}`;
}

/** One plain-text reference: "Authors. Title. Venue Year. doi:…". */
export function citeText(p: CiteSource): string {
  const r = p.record;
  const named = r ? r.authors : p.authors;
  const authors = named?.length ? `${named.join(", ")}. ` : "";
  const venue = r?.venue ?? p.venue;
  const year = r?.year ?? p.year;
  const where = [venue, year].filter((v) => v !== null && v !== undefined).join(" ");
  const id = r?.ids.doi ? ` doi:${r.ids.doi}` : r?.ids.arxiv ? ` arXiv:${r.ids.arxiv}` : p.url ? ` ${p.url}` : "";
  return `${authors}${r?.title ?? p.title ?? p.name}.${where ? ` ${where}.` : ""}${id}`.trim();
}

/** The fields of one BibTeX entry, braces and quotes removed (enough to read DBLP's own entries). */
export function readBibtexFields(bib: string): Record<string, string> {
  const fields: Record<string, string> = {};
  const start = bib.indexOf(",");
  if (start < 0) return fields;
  let i = start + 1;
  while (i < bib.length) {
    const m = /^\s*([A-Za-z][\w-]*)\s*=\s*/.exec(bib.slice(i));
    if (!m) break;
    i += m[0].length;
    let value = "";
    if (bib[i] === "{" || bib[i] === '"') {
      const close = bib[i] === "{" ? "}" : '"';
      let depth = 0;
      let j = i;
      for (; j < bib.length; j++) {
        const c = bib[j];
        if (c === "\\") {
          j++;
          continue;
        }
        if (c === "{") depth++;
        else if (c === "}") depth--;
        if ((close === "}" && depth === 0 && c === "}") || (close === '"' && j > i && c === '"' && depth === 0)) break;
      }
      value = bib.slice(i + 1, j);
      i = j + 1;
    } else {
      const v = /^[^,}\s]+/.exec(bib.slice(i))?.[0] ?? "";
      value = v;
      i += v.length;
    }
    fields[(m[1] as string).toLowerCase()] = value.replace(/[{}]/g, "").replace(/\s+/g, " ").trim();
    const comma = /^\s*,/.exec(bib.slice(i));
    if (!comma) break;
    i += comma[0].length;
  }
  return fields;
}
