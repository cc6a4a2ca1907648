import type { APIApplicationCommandOptionChoice } from "discord.js";
import { foldKey } from "../../../src/papers/index.js";
import { cardLabel } from "../../../src/replies/plain-text.js";
import { paperRef, toCard } from "../../../src/replies/paper-card.js";
import type { Catalog } from "../../../src/search/catalog.js";
import { clashingNames, suggestionLabel } from "../../../src/search/suggestion-label.js";
import { nameKey } from "../../../src/search/name-key.js";
import { cut, plainWithin } from "../render/escape.js";
import { LIMITS } from "../render/limits.js";

export type SuggestKind = "papers" | "reporters" | "tags";
type Choice = APIApplicationCommandOptionChoice<string>;

/** Names that start with the typed text first, then names that contain it; case- and punctuation-insensitive. */
function rank(names: string[], typed: string): string[] {
  const key = foldKey(typed);
  if (!key) return names;
  const starts = names.filter((n) => foldKey(n).startsWith(key));
  const contains = names.filter((n) => !foldKey(n).startsWith(key) && foldKey(n).includes(key));
  return [...starts, ...contains];
}

/**
 * Autocomplete choices for what the user is typing: papers from the index's
 * suggest, labelled with name and title when the title is known (values are
 * paper ids, which `paper` resolves exactly), reporters
 * and categories from the list. At most 25, names cut to 100 characters.
 */
export function suggestChoices(kind: SuggestKind, typed: string, catalog: Catalog): Choice[] {
  const { list, index } = catalog;
  switch (kind) {
    case "papers": {
      const hits = index.suggest(typed, LIMITS.autocompleteChoices);
      // Papers of one name from different lists are told apart by their lists: "Orca (llmsys)".
      const clashing = clashingNames(hits.map((h) => h.paper));
      return hits.map((hit) => {
        const clash = clashing.has(nameKey(hit.paper));
        const label =
          suggestionLabel(hit.paper, catalog.records.get(hit.paper.id), undefined, clash ? hit.paper.lists : undefined) ?? cardLabel(toCard(hit.paper, list.legend, undefined, clash), LIMITS.choiceName, clash);
        const value = clash ? paperRef({ id: hit.paper.id, ...(hit.paper.lists ? { lists: hit.paper.lists } : {}) }) : hit.paper.id;
        return { name: plainWithin(label, LIMITS.choiceName) || hit.paper.id.slice(0, LIMITS.choiceName), value: cut(value, LIMITS.choiceValue) };
      });
    }
    case "reporters": {
      const names = [...new Set(list.papers.flatMap((p) => p.reporters))].sort((a, b) => a.localeCompare(b));
      return rank(names, typed)
        .slice(0, LIMITS.autocompleteChoices)
        .map((name) => ({ name: plainWithin(name, LIMITS.choiceName), value: cut(name, LIMITS.choiceValue) }));
    }
    case "tags": {
      const labels = list.legend.map((t) => `${t.symbol} ${t.label}`);
      return rank(labels, typed)
        .slice(0, LIMITS.autocompleteChoices)
        .flatMap((label) => {
          const tag = list.legend.find((t) => `${t.symbol} ${t.label}` === label);
          return tag ? [{ name: plainWithin(label, LIMITS.choiceName), value: cut(tag.id, LIMITS.choiceValue) }] : [];
        });
    }
  }
}
