import type { InfoRow, Reply } from "../../../src/replies/reply.js";
import { actions, capBlocks, context, field, header, sections, type Block } from "./blocks.js";
import { escapeMrkdwn, inlineMrkdwn, mrkdwnLink } from "./mrkdwn.js";
import { shareButton, sharedByContext, type RenderOptions } from "./options.js";

function rowField(row: InfoRow): string {
  if (row.url) return `*${inlineMrkdwn(row.label)}*\n${mrkdwnLink(row.url, row.value || row.url)}`;
  return row.value === "" ? inlineMrkdwn(row.label) : field(row.label, row.value);
}

/** Titled sections of label/value rows (help, stats, software) as Block Kit fields. */
export function renderInfo(reply: Extract<Reply, { kind: "info" }>, options: RenderOptions): Block[] {
  const body = [header(reply.title), ...sections(reply.text ? [escapeMrkdwn(reply.text)] : [])];
  for (const section of reply.sections) {
    if (section.rows.length === 0) continue;
    body.push(...sections([`*${inlineMrkdwn(section.title)}*`], section.rows.map(rowField)));
  }
  const tail = [
    ...context(reply.file ? [`${inlineMrkdwn(reply.file.name)} is not attached in Slack; the mss-bot command line prints it.`] : []),
    ...actions(shareButton(options)),
    ...sharedByContext(options),
  ];
  return capBlocks(body, tail);
}
