import { webApi } from "@slack/bolt";
import type { DeliveryResult } from "../../src/ports.js";

export type FailedDelivery = Extract<DeliveryResult, { ok: false }>;

export interface DeliveryFailure {
  result: FailedDelivery;
  /** The request may have reached Slack and the message may exist: check before posting again. */
  ambiguous: boolean;
}

const TOKEN_PROBLEM = "Slack rejects the bot token: check SLACK_BOT_TOKEN, or reinstall the app";

/**
 * Errors about the bot's token, not the channel: every post would fail the
 * same way until an operator fixes it, so deliveries wait instead of failing.
 */
const CREDENTIALS: Record<string, string> = {
  invalid_auth: TOKEN_PROBLEM,
  not_authed: "Slack got no bot token: set SLACK_BOT_TOKEN",
  token_revoked: "the bot token was revoked (the app was uninstalled?): reinstall and update SLACK_BOT_TOKEN",
  token_expired: "the bot token expired: update SLACK_BOT_TOKEN",
  account_inactive: "the bot user is deactivated or the app was uninstalled: reinstall it",
};

/** Slack error codes that will fail the same way on every retry, with what a person should do about them. */
const PERMANENT: Record<string, string> = {
  channel_not_found: "the channel does not exist or the bot cannot see it (check the channel id; a private channel needs the bot invited)",
  not_in_channel: "the bot is not a member of this channel: invite it with /invite @mss-bot",
  is_archived: "the channel is archived",
  missing_scope: "the Slack app lacks a permission: reinstall it from `mss-bot slack manifest`",
  no_permission: "the workspace does not let the bot post here",
  restricted_action: "the workspace does not let the bot post in this channel",
  restricted_action_read_only_channel: "the channel is read-only",
  restricted_action_thread_only_channel: "the channel only allows posts in threads",
  restricted_action_non_threadable_channel: "the channel does not allow this kind of post",
  team_access_not_granted: "the app is not allowed in this workspace",
  ekm_access_denied: "the workspace's key management denies access",
  msg_too_long: "the message is too long for Slack",
  invalid_blocks: "Slack rejected the message layout (a bug in mss-bot's Block Kit; please report it)",
  invalid_arguments: "Slack rejected the message arguments (a bug in mss-bot; please report it)",
  invalid_metadata_format: "Slack rejected the message metadata (a bug in mss-bot; please report it)",
  invalid_metadata_schema: "Slack rejected the message metadata (a bug in mss-bot; please report it)",
  metadata_too_large: "the message metadata is too large",
  no_text: "the message had no text (a bug in mss-bot; please report it)",
};

/** Errors Slack gives for trouble on its side; all but ratelimited may have happened after the post was stored. */
const TRANSIENT: Record<string, string> = {
  ratelimited: "Slack asks the bot to slow down",
  internal_error: "Slack had an internal error",
  fatal_error: "Slack had a fatal error",
  service_unavailable: "Slack is unavailable",
  request_timeout: "Slack timed out reading the request",
  team_added_to_org: "the workspace is being migrated",
};

/** Network failures where the request never left: nothing can have been posted. */
const NOT_SENT = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH", "UND_ERR_CONNECT_TIMEOUT"]);

function causeCode(error: Error): string | undefined {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 4; e = e.cause, depth++) {
    const code = "code" in e && typeof e.code === "string" ? e.code : undefined;
    if (code && !code.startsWith("slack_")) return code;
  }
  return undefined;
}

function deepestMessage(error: Error): string {
  let message = error.message;
  for (let e: unknown = error.cause, depth = 0; e instanceof Error && depth < 4; e = e.cause, depth++) message = e.message;
  return message;
}

function isTimeout(error: Error): boolean {
  return error.name === "TimeoutError" || error.name === "AbortError" || causeCode(error) === "UND_ERR_HEADERS_TIMEOUT";
}

const transient = (reason: string, ambiguous: boolean, retryAfterMs?: number): DeliveryFailure => ({
  result: retryAfterMs === undefined ? { ok: false, retry: "transient", reason } : { ok: false, retry: "transient", reason, retryAfterMs },
  ambiguous,
});

const credentials = (reason: string): DeliveryFailure => ({ result: { ok: false, retry: "credentials", reason }, ambiguous: false });

const permanent = (reason: string): DeliveryFailure => ({ result: { ok: false, retry: "permanent", reason }, ambiguous: false });

/**
 * Maps what the Slack WebClient threw to a delivery result the outbox acts on:
 * transient (retry later, with Slack's Retry-After when rate limited),
 * credentials (the token is refused: every delivery waits for a fix) or
 * permanent (stop, with a reason a person can act on).
 */
export function classifySlackError(error: unknown): DeliveryFailure {
  if (error instanceof webApi.WebAPIRateLimitedError) {
    return transient(`ratelimited: Slack asks the bot to retry after ${error.retryAfter} s`, false, error.retryAfter * 1000);
  }
  if (error instanceof webApi.WebAPIPlatformError) {
    const code = error.data.error;
    if (code in TRANSIENT) return transient(`${code}: ${TRANSIENT[code]}`, code !== "ratelimited");
    if (code in CREDENTIALS) return credentials(`${code}: ${CREDENTIALS[code]}`);
    if (code === "missing_scope") {
      const needed = "needed" in error.data && typeof error.data.needed === "string" ? ` (needs ${error.data.needed})` : "";
      return permanent(`missing_scope: ${PERMANENT.missing_scope}${needed}`);
    }
    return permanent(`${code}: ${PERMANENT[code] ?? "Slack refused the message"}`);
  }
  if (error instanceof webApi.WebAPIHTTPError) {
    if (error.statusCode >= 500 || error.statusCode === 408) return transient(`HTTP ${error.statusCode} from Slack`, true);
    return permanent(`HTTP ${error.statusCode} from the Slack API (check SLACK_API_URL)`);
  }
  if (error instanceof webApi.WebAPIRequestError) {
    const original = error.original;
    if (isTimeout(original)) return transient("timeout: no answer from Slack in time", true);
    const code = causeCode(original);
    return transient(`network: ${code ?? deepestMessage(original)}`, !(code && NOT_SENT.has(code)));
  }
  const message = error instanceof Error ? error.message : String(error);
  return permanent(`unexpected error: ${message.slice(0, 200)}`);
}
