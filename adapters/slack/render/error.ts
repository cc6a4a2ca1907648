import type { Reply } from "../../../src/replies/reply.js";
import { context, sections, type Block } from "./blocks.js";
import { escapeMrkdwn } from "./mrkdwn.js";

/** An error the user can act on: what went wrong, then the hint (usage line, suggestions) in grey. */
export function renderError(reply: Extract<Reply, { kind: "error" }>): Block[] {
  return [...sections([`:warning: ${escapeMrkdwn(reply.text)}`]), ...context(reply.hint ? [escapeMrkdwn(reply.hint)] : [])];
}
