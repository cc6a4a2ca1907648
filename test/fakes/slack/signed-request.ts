import { createHmac } from "node:crypto";

/**
 * Requests as Slack sends them to an app's HTTP endpoint: form-encoded, with
 * the v0 HMAC-SHA256 signature of "v0:<timestamp>:<body>" under the signing secret.
 */

export const SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";

export function sign(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
}

export interface SignedOptions {
  secret?: string;
  /** Unix seconds; now by default. */
  timestamp?: number;
  /** Replaces the computed signature (tampering). */
  signature?: string;
  /** application/x-www-form-urlencoded unless given (Slack's Events API posts application/json). */
  contentType?: string;
}

export interface HttpAnswer {
  status: number;
  text: string;
  json(): unknown;
}

export async function postSigned(url: string, body: string, options: SignedOptions = {}): Promise<HttpAnswer> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const signature = options.signature ?? sign(options.secret ?? SIGNING_SECRET, timestamp, body);
  const response = await fetch(url, {
    method: "POST",
    headers: {
      "content-type": options.contentType ?? "application/x-www-form-urlencoded",
      "x-slack-request-timestamp": String(timestamp),
      "x-slack-signature": signature,
    },
    body,
  });
  const text = await response.text();
  return { status: response.status, text, json: () => JSON.parse(text) };
}

export interface SlashCommandFields {
  command: string;
  text: string;
  responseUrl: string;
  userId?: string;
  channelId?: string;
}

/** The fields of a slash command, as the HTTP form and the Socket Mode payload carry them. */
export function slashCommand(fields: SlashCommandFields): Record<string, string> {
  return {
    token: "legacy-verification-token",
    team_id: "T0FAKE",
    team_domain: "fake",
    channel_id: fields.channelId ?? "C0GENERAL",
    channel_name: "general",
    user_id: fields.userId ?? "U0ALICE",
    user_name: "alice",
    command: fields.command,
    text: fields.text,
    api_app_id: "A0FAKE",
    is_enterprise_install: "false",
    response_url: fields.responseUrl,
    trigger_id: "1337.42.abcdef",
  };
}

export const formBody = (fields: Record<string, string>): string => new URLSearchParams(fields).toString();

export interface ButtonClick {
  actionId: string;
  value: string;
  responseUrl: string;
  userId?: string;
  /** The clicked message is the asker's ephemeral one (true) or a channel message. */
  ephemeral?: boolean;
}

/** A block_actions payload for a button click. */
export function buttonClick(click: ButtonClick): Record<string, unknown> {
  const userId = click.userId ?? "U0ALICE";
  return {
    type: "block_actions",
    user: { id: userId, username: "alice", name: "alice", team_id: "T0FAKE" },
    api_app_id: "A0FAKE",
    token: "legacy-verification-token",
    container: { type: "message", message_ts: "1700000000.000100", channel_id: "C0GENERAL", is_ephemeral: click.ephemeral ?? true },
    trigger_id: "1337.43.abcdef",
    team: { id: "T0FAKE", domain: "fake" },
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: "C0GENERAL", name: "general" },
    response_url: click.responseUrl,
    actions: [
      { action_id: click.actionId, block_id: "b1", text: { type: "plain_text", text: "x", emoji: true }, value: click.value, type: "button", action_ts: "1700000001.000200" },
    ],
  };
}

export const interactionBody = (payload: Record<string, unknown>): string => `payload=${encodeURIComponent(JSON.stringify(payload))}`;
