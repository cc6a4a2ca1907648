import type { APISelectMenuOption } from "discord.js";
import { ComponentType } from "discord.js";
import { paperRef } from "../../../src/replies/paper-card.js";
import { cardLabel, clashingCards } from "../../../src/replies/plain-text.js";
import type { PaperCard, Reply } from "../../../src/replies/reply.js";
import { fitLines, paperLine } from "./card-parts.js";
import { pickCustomId } from "./custom-id.js";
import { fitEmbed } from "./embed-size.js";
import { cut, escapeWithin, plainWithin } from "./escape.js";
import { COLORS, LIMITS } from "./limits.js";
import { message, type DiscordMessage } from "./message.js";

function option(card: PaperCard, lists: boolean): APISelectMenuOption {
  const about = [card.categories.map((c) => c.label).join(", "), card.reporters.join(", ")].filter(Boolean).join(" — ");
  const out: APISelectMenuOption = { label: plainWithin(cardLabel(card, LIMITS.selectOptionLabel, lists), LIMITS.selectOptionLabel) || "(no name)", value: cut(paperRef(card), LIMITS.selectOptionValue) };
  if (about) out.description = plainWithin(about, LIMITS.selectOptionDescription);
  return out;
}

/**
 * A pick-list: the candidates listed in an embed and offered in a select menu;
 * picking one runs `paper` with its id. Papers of one name from different
 * lists are labelled with their lists ("Orca (llmsys)").
 */
export function renderChoices(reply: Extract<Reply, { kind: "choices" }>): DiscordMessage {
  const clashing = clashingCards(reply.options);
  const shown = uniqueById(reply.options).slice(0, LIMITS.selectOptions);
  const embed = fitEmbed({
    title: escapeWithin(reply.text, LIMITS.embedTitle),
    color: COLORS.list,
    description: fitLines(
      reply.options.map((card, i) => paperLine(card, i + 1, undefined, clashing.has(card.id))),
      LIMITS.embedDescription,
    ),
  });
  if (shown.length === 0) return message({ embeds: [embed] });
  return message({
    embeds: [embed],
    components: [
      {
        type: ComponentType.ActionRow,
        components: [{ type: ComponentType.StringSelect, custom_id: pickCustomId("paper", "query"), placeholder: "Pick a paper", min_values: 1, max_values: 1, options: shown.map((card) => option(card, clashing.has(card.id))) }],
      },
    ],
  });
}

// Discord rejects a select menu with two options of the same value.
function uniqueById(cards: PaperCard[]): PaperCard[] {
  const seen = new Set<string>();
  return cards.filter((c) => {
    const value = cut(paperRef(c), LIMITS.selectOptionValue);
    if (seen.has(value)) return false;
    seen.add(value);
    return true;
  });
}
