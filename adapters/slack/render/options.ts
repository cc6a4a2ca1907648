import type { Mention } from "../../../src/replies/reply.js";
import { actionId } from "./action-ids.js";
import { context, valueButton, type Block, type Button } from "./blocks.js";

/** What the adapter adds around a reply. */
export interface RenderOptions {
  /** An encoded CommandLink that answers the same again: adds a "Share in channel" button. */
  share?: string;
  /** The Slack user who shared the message into the channel: adds "Shared by @user". */
  sharedBy?: string;
}

const SLACK_USER_ID = /^[UW][A-Z0-9]{2,20}$/;
const SLACK_GROUP_ID = /^S[A-Z0-9]{2,20}$/;

/** The user group a channel post pings (a subscription's `mention:`), only for a well-formed group id. */
export function groupMention(m: Mention | undefined): string | undefined {
  return m && SLACK_GROUP_ID.test(m.id) ? `<!subteam^${m.id}>` : undefined;
}

/** A mention of a Slack user, only for a well-formed user id (never built from free text). */
export function mention(userId: string | undefined): string | undefined {
  return userId && SLACK_USER_ID.test(userId) ? `<@${userId}>` : undefined;
}

export function shareButton(options: RenderOptions): Button[] {
  const button = options.share ? valueButton(actionId("share", "0"), "Share in channel", options.share) : undefined;
  return button ? [button] : [];
}

export function sharedByContext(options: RenderOptions): Block[] {
  const who = mention(options.sharedBy);
  return who ? context([`Shared by ${who}`]) : [];
}
