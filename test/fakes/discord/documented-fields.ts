import type { Recorded } from "./fake-discord.js";

/**
 * The message fields Discord's OpenAPI spec documents for each route the bot
 * sends a message body to (github.com/discord/discord-api-spec,
 * specs/openapi.json at commit 74fda0f): the fake records any other field, so
 * a test can prove the bot sends only what the platform defines. nonce and
 * enforce_nonce belong to Create Message alone.
 */
const CREATE_MESSAGE = ["allowed_mentions", "attachments", "components", "content", "embeds", "enforce_nonce", "flags", "message_reference", "nonce", "poll", "shared_client_theme", "sticker_ids", "tts"];
const EDIT_MESSAGE = ["allowed_mentions", "attachments", "components", "content", "embeds", "flags", "sticker_ids"];
/** IncomingWebhookInteractionRequest: the data of callback types 4 and 5. */
const CALLBACK_MESSAGE = ["allowed_mentions", "attachments", "components", "content", "embeds", "flags", "poll", "tts"];
/** IncomingWebhookUpdateForInteractionCallbackRequestPartial: the data of callback types 6 and 7. */
const CALLBACK_UPDATE = ["allowed_mentions", "attachments", "components", "content", "embeds", "flags"];
/** Execute Webhook (an interaction's follow-up). */
const EXECUTE_WEBHOOK = ["allowed_mentions", "applied_tags", "attachments", "avatar_url", "components", "content", "embeds", "flags", "poll", "thread_name", "tts", "username"];
/** Edit Webhook Message (an interaction's @original or a follow-up). */
const EDIT_WEBHOOK_MESSAGE = ["allowed_mentions", "attachments", "components", "content", "embeds", "flags", "poll"];

export interface Undocumented {
  method: string;
  path: string;
  fields: string[];
}

/** The message body of a request and the fields its route documents, or null for a route without one. */
function messageBodyOf(r: Recorded): { body: Record<string, unknown>; allowed: string[] } | null {
  const object = (v: unknown) => (v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : null);
  const body = object(r.body);
  if (!body) return null;
  if (r.method === "POST" && /^\/interactions\/\d+\/[^/]+\/callback$/.test(r.path)) {
    const data = object(body.data);
    if (!data) return null;
    if (body.type === 4 || body.type === 5) return { body: data, allowed: CALLBACK_MESSAGE };
    if (body.type === 6 || body.type === 7) return { body: data, allowed: CALLBACK_UPDATE };
    return null;
  }
  if (r.method === "POST" && /^\/webhooks\/\d+\/[^/]+$/.test(r.path)) return { body, allowed: EXECUTE_WEBHOOK };
  if (r.method === "PATCH" && /^\/webhooks\/\d+\/[^/]+\/messages\/[^/]+$/.test(r.path)) return { body, allowed: EDIT_WEBHOOK_MESSAGE };
  if (r.method === "POST" && /^\/channels\/\d+\/messages$/.test(r.path)) return { body, allowed: CREATE_MESSAGE };
  if (r.method === "PATCH" && /^\/channels\/\d+\/messages\/\d+$/.test(r.path)) return { body, allowed: EDIT_MESSAGE };
  return null;
}

/** The fields of a recorded message body its route does not document, or null when there are none. */
export function undocumentedFields(r: Recorded): Undocumented | null {
  const found = messageBodyOf(r);
  if (!found) return null;
  const fields = Object.keys(found.body).filter((k) => !found.allowed.includes(k));
  return fields.length > 0 ? { method: r.method, path: r.path, fields } : null;
}
