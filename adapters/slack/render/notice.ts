import type { Reply } from "../../../src/replies/reply.js";
import { sections, type Block } from "./blocks.js";
import { escapeMrkdwn } from "./mrkdwn.js";

/** A short confirmation ("Subscribed #papers to announcements."). */
export function renderNotice(reply: Extract<Reply, { kind: "notice" }>): Block[] {
  return sections([escapeMrkdwn(reply.text)]);
}
