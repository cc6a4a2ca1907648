import type { APIEmbed } from "discord.js";
import { embedSize } from "../../adapters/discord/render/embed-size.js";
import { LIMITS } from "../../adapters/discord/render/limits.js";
import type { DiscordMessage } from "../../adapters/discord/render/message.js";

/** Every Discord limit a rendered message breaks, in words; [] when Discord would accept it. */
export function limitProblems(m: DiscordMessage, { perMessage = true } = {}): string[] {
  const problems: string[] = [];
  const over = (what: string, length: number, max: number) => length > max && problems.push(`${what}: ${length} > ${max}`);
  over("content", m.content?.length ?? 0, LIMITS.content);
  if (perMessage) {
    over("embeds", m.embeds.length, LIMITS.embedsPerMessage);
    over("embed total", m.embeds.reduce((n, e) => n + embedSize(e), 0), LIMITS.embedTotal);
  }
  m.embeds.forEach((e: APIEmbed, i) => {
    over(`embed ${i} title`, e.title?.length ?? 0, LIMITS.embedTitle);
    over(`embed ${i} description`, e.description?.length ?? 0, LIMITS.embedDescription);
    over(`embed ${i} footer`, e.footer?.text.length ?? 0, LIMITS.footer);
    over(`embed ${i} fields`, e.fields?.length ?? 0, LIMITS.fields);
    over(`embed ${i} size`, embedSize(e), LIMITS.embedTotal);
    for (const f of e.fields ?? []) {
      over(`embed ${i} field name`, f.name.length, LIMITS.fieldName);
      over(`embed ${i} field value`, f.value.length, LIMITS.fieldValue);
      if (f.name.length === 0 || f.value.length === 0) problems.push(`embed ${i} has an empty field`);
    }
  });
  over("rows", m.components.length, LIMITS.rowsPerMessage);
  for (const row of m.components) {
    over("components in a row", row.components.length, LIMITS.buttonsPerRow);
    for (const c of row.components) {
      if ("custom_id" in c && c.custom_id !== undefined) over("custom_id", c.custom_id.length, LIMITS.customId);
      if (c.type === 2 && "label" in c && c.label !== undefined) over("button label", c.label.length, LIMITS.buttonLabel);
      if (c.type === 2 && "url" in c) over("button url", c.url.length, LIMITS.buttonUrl);
      if (c.type === 3) {
        over("select options", c.options.length, LIMITS.selectOptions);
        for (const o of c.options) {
          over("option label", o.label.length, LIMITS.selectOptionLabel);
          over("option value", o.value.length, LIMITS.selectOptionValue);
          over("option description", o.description?.length ?? 0, LIMITS.selectOptionDescription);
        }
        if (new Set(c.options.map((o) => o.value)).size !== c.options.length) problems.push("duplicate select values");
      }
    }
  }
  return problems;
}

/** All visible text of a message, for "no raw mention / markup" assertions. */
export function allText(m: { content?: string; embeds: APIEmbed[] }): string {
  return [m.content ?? "", ...m.embeds.flatMap((e) => [e.title ?? "", e.description ?? "", e.footer?.text ?? "", ...(e.fields ?? []).flatMap((f) => [f.name, f.value])])].join("\n");
}
