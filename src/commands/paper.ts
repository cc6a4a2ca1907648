import { foldKey } from "../papers/index.js";
import { errorReply, type Reply } from "../replies/reply.js";
import { resolvePaper } from "../search/resolve.js";
import type { Catalog } from "../search/catalog.js";
import { cardOf } from "./card-of.js";
import { defineCommand } from "./command.js";
import { text } from "./options.js";

/** When nothing matches, the query may name software, a venue or a reporter instead of a paper. */
function notFound(catalog: Catalog, query: string, suggestions: string[]): Reply {
  const { list } = catalog;
  const key = foldKey(query);
  const software = list.software.find((s) => foldKey(s.name) === key);
  if (software) return { kind: "info", title: software.name, text: "is in the list's software suite, not a paper.", sections: [{ title: "Software", rows: [{ label: software.name, value: software.url, url: software.url }] }] };
  const venue = list.papers.find((p) => p.venue && foldKey(p.venue) === key)?.venue;
  if (venue) return errorReply("not-found", `No paper is named "${query}".`, `${venue} is a venue: try papers venue:${venue}`);
  const reporter = list.papers.flatMap((p) => p.reporters).find((r) => foldKey(r) === key);
  if (reporter) return errorReply("not-found", `No paper is named "${query}".`, `${reporter} is a reporter: try papers reporter:${reporter}`);
  return errorReply("not-found", `No paper matches "${query}".`, suggestions.length > 0 ? `Did you mean ${suggestions.join(", ")}?` : "Try papers to browse the list.");
}

export const paperCommand = defineCommand({
  name: "paper",
  description: "Show a paper's card: title, authors, abstract, venue, links and reporters. Typos are fine.",
  group: "papers",
  options: {
    query: text({ description: "Paper name, or part of it", max: 100, autocomplete: "papers" }),
  },
  positional: ["query"],
  examples: ["paper AlpaServe", "paper alpaserv", "paper spot serve"],
  run({ query }, { services: { catalog } }): Reply {
    const { index } = catalog;
    const found = resolvePaper(index, query);
    switch (found.kind) {
      case "one": {
        const card = cardOf(catalog, found.paper);
        return found.hit.match === "fuzzy" ? { kind: "paper", card, note: `Closest match for "${query}".` } : { kind: "paper", card };
      }
      case "several":
        return {
          kind: "choices",
          text: `${found.hits.length} papers match "${query}". Pick one:`,
          options: found.hits.map((h) => cardOf(catalog, h.paper)),
        };
      case "none":
        return notFound(catalog, query, found.suggestions.map((p) => p.name));
    }
  },
});
