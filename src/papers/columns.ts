import { foldKey } from "./text.js";

/** The fields a paper-table column can hold. */
export type Column = "name" | "year" | "venue" | "tags" | "paper" | "code" | "blog" | "video" | "reporter";

// Header cells are matched after folding (case, bold markers and spaces removed).
const SYNONYMS: Record<Column, string[]> = {
  name: ["scheduler", "name", "system", "systemname", "papername", "title", "framework", "project", "work"],
  year: ["year", "yr"],
  venue: ["series", "venue", "conference", "conf", "publication", "published", "journal", "booktitle"],
  tags: ["target", "category", "categories", "tag", "tags", "type", "class"],
  paper: ["paper", "pdf", "paperlink"],
  code: ["code", "github", "repo", "repository", "source", "sourcecode"],
  blog: ["link", "links", "blog", "notes", "note", "blognotes", "post", "article", "writeup"],
  video: ["video", "videos", "talk", "recording"],
  reporter: ["reporter", "reporters", "presenter", "presenters", "speaker", "by"],
};

const BY_KEY = new Map<string, Column>(
  Object.entries(SYNONYMS).flatMap(([column, keys]) => keys.map((k) => [k, column as Column] as const)),
);

/** Maps header cells to the fields they hold; unknown headers are left out. The first of two same-field columns wins. */
export function mapColumns(headers: string[]): Map<Column, number> {
  const found = new Map<Column, number>();
  headers.forEach((header, index) => {
    const column = BY_KEY.get(foldKey(header));
    if (column && !found.has(column)) found.set(column, index);
  });
  return found;
}

/** A table is a paper table when it has a name column and at least one other paper field. */
export function isPaperTable(columns: Map<Column, number>): boolean {
  if (!columns.has("name")) return false;
  return ["year", "venue", "paper", "reporter"].some((c) => columns.has(c as Column));
}
