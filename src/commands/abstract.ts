import { wholeAbstract } from "../replies/record-view.js";
import { errorReply, type Reply } from "../replies/reply.js";
import { resolvePaper } from "../search/resolve.js";
import { cardOf } from "./card-of.js";
import { defineCommand } from "./command.js";
import { severalPapers } from "./several-papers.js";
import { text } from "./options.js";

export const abstractCommand = defineCommand({
  name: "abstract",
  description: "A paper's whole abstract, with its source (arXiv, DBLP, Semantic Scholar).",
  group: "papers",
  options: {
    paper: text({ description: "Paper name, or part of it", max: 100, autocomplete: "papers" }),
  },
  positional: ["paper"],
  examples: ["abstract AlpaServe"],
  run({ paper: query }, { services: { catalog } }): Reply {
    const found = resolvePaper(catalog.index, query);
    if (found.kind === "none") {
      const hint = found.suggestions.length > 0 ? `Did you mean ${found.suggestions.map((p) => p.name).join(", ")}?` : "Try papers to browse the list.";
      return errorReply("not-found", `No paper matches "${query}".`, hint);
    }
    if (found.kind === "several") return severalPapers("abstract", query, found.hits.map((h) => h.paper));
    const { paper } = found;
    const card = cardOf(catalog, paper);
    const whole = wholeAbstract(card.record);
    if (!whole) {
      const link = card.links.find((l) => l.kind === "paper")?.url;
      const why = card.record ? "its record has no abstract" : "it is not resolved to a scholarly record yet";
      return errorReply("not-found", `No abstract is known for ${paper.name}: ${why}.`, link ? `The paper itself: ${link}` : undefined);
    }
    return { kind: "abstract", card, label: whole.label, text: whole.text, origin: whole.origin ?? null };
  },
});
