import { findTag, foldKey, venueKey } from "../papers/index.js";
import { errorReply, type CommandLink, type Reply } from "../replies/reply.js";
import { AUTHOR_QUERY_HINT, hasAuthor, parseAuthorQuery } from "../search/author-match.js";
import type { PaperFilter } from "../search/filter.js";
import { cardOf } from "./card-of.js";
import { defineCommand } from "./command.js";
import { followedList, listOption } from "./list-option.js";
import { flag, integer, text, yearRange } from "./options.js";

export const PAGE_SIZE = 10;

const distinct = (values: Array<string | null>) => [...new Set(values.filter((v): v is string => v !== null))];

export const papersCommand = defineCommand({
  name: "papers",
  description: "Browse the papers, filtered by list, venue, year, category, reporter or author, 10 per page.",
  group: "papers",
  options: {
    venue: text({ description: "Venue, e.g. OSDI or arXiv", max: 40 }).optional(),
    year: yearRange({ description: "Year or range, e.g. 2023 or 2021-2023" }).optional(),
    tag: text({ description: "Category from the legend", max: 40, dynamicChoices: "tags" }).optional(),
    reporter: text({ description: "Who presents it", max: 60, autocomplete: "reporters" }).optional(),
    code: flag({ description: "Only papers with (yes) or without (no) a code link" }).optional(),
    author: text({ description: "An author by surname, e.g. Stoica, Ion Stoica or I. Stoica (accents and case ignored)", max: 100 }).optional(),
    list: listOption("Only this followed list's papers (see lists)").optional(),
    page: integer({ description: "Page number", min: 1, max: 10000 }).default(1),
  },
  examples: ["papers venue:OSDI", "papers list:llmsys year:2024", "papers year:2022-2023 tag:scheduling", "papers reporter:hzq page:2", 'papers author:"Ion Stoica"'],
  run({ list: listName, venue, year, tag, reporter, code, author, page }, { services: { catalog } }): Reply {
    const { list, index, records } = catalog;
    const followed = listName === undefined ? undefined : followedList(catalog, listName);
    if (followed && "error" in followed) return followed.error;
    const listId = followed?.id;
    // What the hints name: the asked list's papers only.
    const pool = listId === undefined ? list.papers : list.papers.filter((p) => (p.lists ?? []).includes(listId));
    if (tag !== undefined && !findTag(list.legend, tag)) {
      const valid = list.legend.map((t) => `${t.id} (${t.symbol})`).join(", ");
      return errorReply("invalid", `Unknown category "${tag}".`, valid ? `Categories: ${valid}` : "This list has no categories.");
    }
    if (author !== undefined) {
      const query = parseAuthorQuery(author);
      if ("error" in query) return errorReply("invalid", `author: ${query.error}.`, AUTHOR_QUERY_HINT);
    }
    const filter: PaperFilter = {};
    if (listId !== undefined) filter.list = listId;
    if (venue !== undefined) filter.venue = venue;
    if (year !== undefined) filter.year = year;
    if (tag !== undefined) filter.tag = tag;
    if (reporter !== undefined) filter.reporter = reporter;
    if (code !== undefined) filter.hasCode = code;
    if (author !== undefined) filter.author = author;
    const found = index.filter(filter);

    const described = [
      listId && `list ${listId}`,
      venue && `venue ${venue}`,
      year && (year.from === year.to ? `year ${year.from}` : `years ${year.from}–${year.to}`),
      tag && `category ${findTag(list.legend, tag)?.label ?? tag}`,
      reporter && `reporter ${reporter}`,
      code !== undefined && (code ? "with code" : "without code"),
      author && `author ${author}`,
    ].filter(Boolean);
    if (found.length === 0) {
      let hint = "Try fewer filters.";
      if (venue && !pool.some((p) => p.venue && venueKey(p.venue) === venueKey(venue))) {
        hint = `Venues: ${distinct(pool.map((p) => p.venue)).join(", ")}`;
      } else if (reporter && !pool.some((p) => p.reporters.some((r) => foldKey(r) === foldKey(reporter)))) {
        hint = `Reporters: ${distinct(pool.flatMap((p) => p.reporters)).join(", ")}`;
      } else if (author && !list.papers.some((p) => hasAuthor(records.get(p.id), author, p.authors))) {
        hint =
          records.size === 0
            ? "Authors come from the papers' scholarly records, and none are loaded yet."
            : `No paper's record lists an author named "${author}"; ${records.size} of ${list.papers.length} papers have a record.`;
      }
      return errorReply("not-found", `No papers match ${described.join(", ")}.`, hint);
    }

    const pageCount = Math.ceil(found.length / PAGE_SIZE);
    if (page > pageCount) return errorReply("invalid", `Page ${page} is past the last page (${pageCount}).`);
    const base: CommandLink["args"] = {};
    if (listId !== undefined) base.list = listId;
    if (venue !== undefined) base.venue = venue;
    if (year !== undefined) base.year = year.from === year.to ? String(year.from) : `${year.from}-${year.to}`;
    if (tag !== undefined) base.tag = tag;
    if (reporter !== undefined) base.reporter = reporter;
    if (code !== undefined) base.code = code;
    if (author !== undefined) base.author = author;
    const link = (p: number): CommandLink => ({ command: "papers", args: { ...base, page: p } });
    return {
      kind: "papers",
      title: described.length > 0 ? `Papers: ${described.join(", ")}` : "Papers",
      items: found.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE).map((p) => cardOf(catalog, p)),
      total: found.length,
      page,
      pageCount,
      prev: page > 1 ? link(page - 1) : null,
      next: page < pageCount ? link(page + 1) : null,
    };
  },
});
