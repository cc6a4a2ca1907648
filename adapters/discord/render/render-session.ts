import type { APIEmbedField } from "discord.js";
import type { Reply } from "../../../src/replies/reply.js";
import { titledName } from "../../../src/replies/record-view.js";
import { linksField, paperUrl, whereText } from "./card-parts.js";
import { fitEmbed } from "./embed-size.js";
import { escapeWithin, maskedLink } from "./escape.js";
import { COLORS, LIMITS, SUMMARY } from "./limits.js";
import { message, type DiscordMessage } from "./message.js";
import { actionButtons } from "./action-buttons.js";
import { authorsText, buttonRows, identifiersField, summaryText } from "./record-parts.js";
import { linkRow } from "./render-paper.js";

type SessionReply = Extract<Reply, { kind: "session" }>;

const SNOWFLAKE = /^\d{15,25}$/;

/** The presenter's Discord user id when the core linked one; anything else is never turned into a mention. */
export function presenterId(reply: SessionReply): string | undefined {
  const id = reply.presenter?.userIds.discord;
  return id !== undefined && SNOWFLAKE.test(id) ? id : undefined;
}

/**
 * The weekly reading-group post. The presenter is the one mention any
 * message of the bot may carry: `<@id>` in the text, and only that user id in
 * allowed_mentions (see DiscordMessage.mentionUsers).
 */
export function renderSession(reply: SessionReply): DiscordMessage {
  const id = presenterId(reply);
  const presenter = id ? `<@${id}>` : reply.presenter ? escapeWithin(reply.presenter.name, 200) : "nobody yet";
  const fields: APIEmbedField[] = [
    { name: "Date", value: escapeWithin(reply.date, 100) || "—", inline: true },
    { name: "Presenter", value: id && reply.presenter ? `${presenter} (${escapeWithin(reply.presenter.name, 200)})` : presenter, inline: true },
  ];
  if (reply.card) {
    const where = whereText(reply.card);
    const title = maskedLink(titledName(reply.card), paperUrl(reply.card), 700);
    fields.push({ name: "Paper", value: where ? `${title} — ${escapeWithin(where, 100)}` : title, inline: false });
    // Title, authors and the short abstract, so members can prepare.
    const authors = authorsText(reply.card);
    if (authors) fields.push({ name: "Authors", value: authors, inline: false });
    const summary = summaryText(reply.card, SUMMARY.session);
    if (summary) fields.push({ name: "About", value: summary, inline: false });
    const identifiers = identifiersField(reply.card);
    if (identifiers) fields.push(identifiers);
    if (reply.card.categories.length > 0) {
      fields.push({ name: "Categories", value: escapeWithin(reply.card.categories.map((c) => `${c.symbol} ${c.label}`).join(", "), LIMITS.fieldValue), inline: true });
    }
    const links = linksField(reply.card, "unbuttoned");
    if (links) fields.push(links);
  }
  const embed = fitEmbed({
    title: `📖 ${escapeWithin(reply.headline, LIMITS.embedTitle - 3)}`,
    color: COLORS.session,
    fields,
    ...(reply.note ? { description: escapeWithin(reply.note, LIMITS.embedDescription) } : {}),
  });
  const content = `📖 ${escapeWithin(reply.headline, 1000)}${id ? ` — ${presenter}` : ""}`;
  // The RSVP buttons in their own row, before the paper's links.
  const components = [...buttonRows(actionButtons(reply.actions)), ...(reply.card ? linkRow(reply.card) : [])].slice(0, LIMITS.rowsPerMessage);
  return message({ content, embeds: [embed], components, mentionUsers: id ? [id] : [] });
}
