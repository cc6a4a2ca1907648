import type { APIEmbed } from "discord.js";
import { cut } from "./escape.js";
import { LIMITS } from "./limits.js";

/** The characters Discord counts toward the 6000 limit of a message's embeds. */
export function embedSize(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0) +
    (embed.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0)
  );
}

// Cutting already-escaped text can leave a lone trailing backslash that would escape the ellipsis; drop it.
const cutEscaped = (text: string, max: number): string => {
  const out = cut(text, max);
  return out === text ? text : out.replace(/(^|[^\\])((?:\\\\)*)\\…$/, "$1$2…");
};

/**
 * Makes an embed obey every per-embed limit as a last guard behind the
 * renderers: each part cut to its maximum, at most 25 fields, and fields
 * dropped from the end (then the description cut) until the whole fits 6000.
 */
export function fitEmbed(embed: APIEmbed): APIEmbed {
  const out: APIEmbed = { ...embed };
  if (out.title !== undefined) out.title = cutEscaped(out.title, LIMITS.embedTitle);
  if (out.description !== undefined) out.description = cutEscaped(out.description, LIMITS.embedDescription);
  if (out.author) out.author = { ...out.author, name: cutEscaped(out.author.name, LIMITS.author) };
  if (out.footer) out.footer = { ...out.footer, text: cutEscaped(out.footer.text, LIMITS.footer) };
  let fields = (out.fields ?? []).map((f) => ({ ...f, name: cutEscaped(f.name, LIMITS.fieldName) || "\u200b", value: cutEscaped(f.value, LIMITS.fieldValue) || "\u200b" }));
  const dropped = Math.max(0, fields.length - LIMITS.fields);
  fields = fields.slice(0, LIMITS.fields);
  let left = dropped;
  const note = () => (left > 0 ? `${left} more section${left === 1 ? "" : "s"} left out (Discord's size limits)` : undefined);
  const sized = () => embedSize({ ...out, fields, footer: footerWith(out, note()) });
  while (sized() > LIMITS.embedTotal && fields.length > 0) {
    fields = fields.slice(0, -1);
    left++;
  }
  if (fields.length > 0 || out.fields) out.fields = fields;
  const footer = footerWith(out, note());
  if (footer) out.footer = footer;
  const over = embedSize(out) - LIMITS.embedTotal;
  if (over > 0 && out.description) out.description = cutEscaped(out.description, Math.max(1, out.description.length - over));
  return out;
}

function footerWith(embed: APIEmbed, extra: string | undefined): APIEmbed["footer"] {
  if (!extra) return embed.footer;
  const text = embed.footer ? `${embed.footer.text} · ${extra}` : extra;
  return { ...embed.footer, text: cut(text, LIMITS.footer) };
}
