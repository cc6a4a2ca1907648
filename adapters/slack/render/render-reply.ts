import { fallbackText } from "../../../src/replies/plain-text.js";
import type { Reply } from "../../../src/replies/reply.js";
import { renderAbstract } from "./abstract.js";
import { renderAnnouncement } from "./announcement.js";
import { LIMITS, type Block, type SlackMessage } from "./blocks.js";
import { renderChoices } from "./choices.js";
import { renderDigest } from "./digest.js";
import { renderError } from "./error.js";
import { renderInfo } from "./info.js";
import { escapeMrkdwn, truncateMrkdwn } from "./mrkdwn.js";
import { renderNotice } from "./notice.js";
import { groupMention, type RenderOptions } from "./options.js";
import { renderPaper } from "./paper.js";
import { renderPapers } from "./papers.js";
import { renderSession } from "./session.js";

function blocksOf(reply: Reply, options: RenderOptions): Block[] {
  switch (reply.kind) {
    case "paper":
      return renderPaper(reply, options);
    case "abstract":
      return renderAbstract(reply);
    case "choices":
      return renderChoices(reply);
    case "papers":
      return renderPapers(reply, options);
    case "info":
      return renderInfo(reply, options);
    case "notice":
      return renderNotice(reply);
    case "error":
      return renderError(reply);
    case "announcement":
      return renderAnnouncement(reply);
    case "digest":
      return renderDigest(reply);
    case "session":
      return renderSession(reply);
  }
}

/** The escaped plain summary every Slack message carries as `text` (notifications, clients without blocks). */
export function slackFallback(reply: Reply): string {
  const text = truncateMrkdwn(escapeMrkdwn(fallbackText(reply)), LIMITS.fallbackText);
  return text.trim() === "" ? "mss-bot" : text;
}

/** Renders any reply as a Slack message: Block Kit within Slack's limits plus the fallback text (which carries a subscription's ping too). */
export function renderReply(reply: Reply, options: RenderOptions = {}): SlackMessage {
  const ping = reply.kind === "announcement" || reply.kind === "digest" ? groupMention(reply.mention) : undefined;
  const text = slackFallback(reply);
  return { text: ping ? truncateMrkdwn(`${ping} ${text}`, LIMITS.fallbackText) : text, blocks: blocksOf(reply, options) };
}
