import { foldKey } from "./text.js";

/** The fields a paper-table column can hold. "links" holds links of any kind (paper, code, blog), told apart by address. */
export type Column = "name" | "year" | "venue" | "tags" | "paper" | "code" | "blog" | "video" | "reporter" | "authors" | "links";

// Header cells are matched after folding (case, bold markers, spaces and punctuation removed; letters of any script kept).
const SYNONYMS: Record<Column, string[]> = {
  name: ["scheduler", "name", "system", "systemname", "papername", "title", "framework", "project", "work", "papertitle", "titleauthors", "titleandauthors",
    "标题", "论文", "论文标题", "论文名称", "题目", "名称", "名字"],
  year: ["year", "yr", "date", "time", "pubdate", "publishdate", "released", "年份", "年", "日期", "时间", "发表时间", "发布时间"],
  venue: ["series", "venue", "conference", "conf", "publication", "published", "journal", "booktitle", "publisher", "conferencejournal", "venueyear",
    "会议", "期刊", "会议期刊", "发表", "出处", "来源"],
  tags: ["target", "category", "categories", "tag", "tags", "type", "class", "类别", "分类", "标签"],
  paper: ["paper", "pdf", "paperlink", "arxiv", "论文链接", "原文"],
  code: ["code", "github", "repo", "repository", "source", "sourcecode", "codes", "代码", "代码链接", "开源代码"],
  blog: ["link", "blog", "notes", "note", "blognotes", "post", "article", "writeup", "笔记", "博客", "解读"],
  video: ["video", "videos", "talk", "recording", "视频"],
  reporter: ["reporter", "reporters", "presenter", "presenters", "speaker", "by", "汇报人", "分享人"],
  authors: ["author", "authors", "作者"],
  links: ["links", "resources", "materials", "链接", "资源"],
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
  // A table of papers whose first column is headed otherwise ("Survey", "Model") names its papers there.
  if (!found.has("name") && headers.length > 1 && ![...found.values()].includes(0) && ["venue", "paper", "links"].some((c) => found.has(c as Column))) found.set("name", 0);
  return found;
}

/** "Title & Authors": the name column also holds the authors, after a line break. */
export const namesHoldAuthors = (header: string | undefined): boolean => /author|作者/i.test(header ?? "");

/** A table is a paper table when it has a name column and at least one other paper field. */
export function isPaperTable(columns: Map<Column, number>): boolean {
  if (!columns.has("name")) return false;
  return ["year", "venue", "paper", "reporter", "links"].some((c) => columns.has(c as Column));
}
