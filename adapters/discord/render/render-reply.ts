import type { Reply } from "../../../src/replies/reply.js";
import type { DiscordMessage } from "./message.js";
import { renderAbstract } from "./render-abstract.js";
import { renderAnnouncement } from "./render-announcement.js";
import { renderChoices } from "./render-choices.js";
import { renderDigest } from "./render-digest.js";
import { renderError } from "./render-error.js";
import { renderInfo } from "./render-info.js";
import { renderNotice } from "./render-notice.js";
import { renderPaper } from "./render-paper.js";
import { renderPapers } from "./render-papers.js";
import { renderSession } from "./render-session.js";

/** Renders any reply for Discord; a new Reply kind fails the type check here until it has a renderer. */
export function renderReply(reply: Reply): DiscordMessage {
  switch (reply.kind) {
    case "paper":
      return renderPaper(reply);
    case "abstract":
      return renderAbstract(reply);
    case "choices":
      return renderChoices(reply);
    case "papers":
      return renderPapers(reply);
    case "info":
      return renderInfo(reply);
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
    default:
      return unreachable(reply);
  }
}

function unreachable(reply: never): never {
  throw new Error(`no Discord renderer for reply ${JSON.stringify(reply)}`);
}
