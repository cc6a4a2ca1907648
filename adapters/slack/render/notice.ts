import type { Reply } from "../../../src/replies/reply.js";
import { actionBlocks } from "./action-buttons.js";
import { sections, type Block } from "./blocks.js";
import { escapeMrkdwn } from "./mrkdwn.js";

/** A short confirmation ("Subscribed #papers to announcements."); a poll's buttons under it. */
export function renderNotice(reply: Extract<Reply, { kind: "notice" }>): Block[] {
  return [...sections([escapeMrkdwn(reply.text)]), ...actionBlocks(reply.actions)];
}
