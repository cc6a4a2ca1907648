import type { InfoRow, Reply } from "../../../src/replies/reply.js";
import { actions, capBlocks, context, field, header, LIMITS, sections, type Block } from "./blocks.js";
import { escapeMrkdwn, inlineMrkdwn, mrkdwnLink } from "./mrkdwn.js";
import { shareButton, sharedByContext, type RenderOptions } from "./options.js";

function rowField(row: InfoRow): string {
  if (row.url) return `*${inlineMrkdwn(row.label)}*\n${mrkdwnLink(row.url, row.value || row.url)}`;
  return row.value === "" ? inlineMrkdwn(row.label) : field(row.label, row.value);
}

/** Files shown in the message itself (a citation); others (a calendar) are for the command line. */
const INLINE_MIMES = new Set(["application/x-bibtex", "text/plain"]);

/** Lines of text in pieces of at most `max` characters, cut between lines where it can be. */
function pieces(text: string, max: number): string[] {
  const out: string[] = [];
  let current = "";
  for (const line of text.replace(/\n+$/, "").split("\n")) {
    for (let rest = line; ; ) {
      const room = max - (current ? current.length + 1 : 0);
      if (rest.length <= room) {
        current = current ? `${current}\n${rest}` : rest;
        break;
      }
      if (current) {
        out.push(current);
        current = "";
        continue;
      }
      out.push(rest.slice(0, max));
      rest = rest.slice(max);
    }
  }
  if (current) out.push(current);
  return out;
}

/** A file's text as preformatted rich text: literal, so nothing in it is read as markup, a link or a mention. */
function fileBlocks(content: string): Block[] {
  return pieces(content, LIMITS.sectionText).map((text) => ({ type: "rich_text", elements: [{ type: "rich_text_preformatted", elements: [{ type: "text", text }] }] }));
}

/** Titled sections of label/value rows (help, stats, software) as Block Kit fields; a citation file as a code block. */
export function renderInfo(reply: Extract<Reply, { kind: "info" }>, options: RenderOptions): Block[] {
  const body = [header(reply.title), ...sections(reply.text ? [escapeMrkdwn(reply.text)] : [])];
  for (const section of reply.sections) {
    if (section.rows.length === 0) continue;
    body.push(...sections([`*${inlineMrkdwn(section.title)}*`], section.rows.map(rowField)));
  }
  const inline = reply.file !== undefined && INLINE_MIMES.has(reply.file.mime);
  if (reply.file && inline) body.push(...fileBlocks(reply.file.content));
  const notes = [
    ...(reply.file && !inline ? [`${inlineMrkdwn(reply.file.name)} is not attached in Slack; the mss-bot command line prints it.`] : []),
    ...(reply.image ? [`The chart is posted in this channel as ${inlineMrkdwn(reply.image.name)}.`] : []),
  ];
  const tail = [
    ...context(notes),
    ...actions(shareButton(options)),
    ...sharedByContext(options),
  ];
  return capBlocks(body, tail);
}
