import type { APIEmbedField } from "discord.js";
import type { InfoRow, InfoSection, Reply, ReplyImage } from "../../../src/replies/reply.js";
import { fitEmbed } from "./embed-size.js";
import { escapeWithin, maskedLink } from "./escape.js";
import { COLORS, LIMITS } from "./limits.js";
import { message, type DiscordMessage } from "./message.js";

const ROW_MAX = 300;

/** "**label**: value", "[label](url)" or "[label](url) — value"; escaped. */
function rowLine(row: InfoRow): string {
  if (row.url) {
    const link = maskedLink(row.label, row.url, ROW_MAX);
    return row.value && row.value !== row.url ? `${link} — ${escapeWithin(row.value, ROW_MAX)}` : link;
  }
  return row.value ? `**${escapeWithin(row.label, ROW_MAX)}**: ${escapeWithin(row.value, ROW_MAX)}` : escapeWithin(row.label, ROW_MAX);
}

/** A section as one field, or several ("Title (2)") when its rows exceed a field's 1024 characters. */
function sectionFields(section: InfoSection): APIEmbedField[] {
  const title = escapeWithin(section.title, LIMITS.fieldName - 4) || "\u200b";
  const chunks: string[][] = [[]];
  let length = 0;
  for (const line of section.rows.map(rowLine)) {
    const chunk = chunks[chunks.length - 1] as string[];
    if (chunk.length > 0 && length + 1 + line.length > LIMITS.fieldValue) {
      chunks.push([line]);
      length = line.length;
    } else {
      chunk.push(line);
      length += (chunk.length > 1 ? 1 : 0) + line.length;
    }
  }
  return chunks.map((lines, i) => ({ name: i === 0 ? title : `${title} (${i + 1})`, value: lines.join("\n") || "—", inline: false }));
}

// A file name Discord and every OS accept: no paths, no odd characters.
const safeFileName = (name: string): string => name.replace(/[^A-Za-z0-9._-]+/g, "_").replace(/^[._]+/, "").slice(0, 100) || "file.txt";

/**
 * A chart as an attachment the embed shows (`attachment://stats.png`), described for screen readers.
 * Its bytes are viewed, not copied: one cached chart answers many stats commands.
 */
function imageFile(image: ReplyImage): DiscordMessage["files"][number] {
  return { name: safeFileName(image.name), data: Buffer.from(image.data.buffer, image.data.byteOffset, image.data.byteLength), contentType: image.mime, description: image.alt.slice(0, LIMITS.attachmentDescription) };
}

/** Information (help, stats, software): sections become fields; a file becomes an attachment; a chart is shown in the embed. */
export function renderInfo(reply: Extract<Reply, { kind: "info" }>): DiscordMessage {
  const image = reply.image ? imageFile(reply.image) : undefined;
  const embed = fitEmbed({
    title: escapeWithin(reply.title, LIMITS.embedTitle),
    color: COLORS.info,
    ...(reply.text ? { description: escapeWithin(reply.text, LIMITS.embedDescription) } : {}),
    fields: reply.sections.flatMap(sectionFields),
    ...(image ? { image: { url: `attachment://${image.name}` } } : {}),
  });
  const files: DiscordMessage["files"] = reply.file ? [{ name: safeFileName(reply.file.name), data: Buffer.from(reply.file.content, "utf8"), contentType: reply.file.mime }] : [];
  if (image) files.push(image);
  return message({ embeds: [embed], files });
}
