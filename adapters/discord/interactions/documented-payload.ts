import { MessagePayload, type MessagePayloadOption, type MessageTarget } from "discord.js";

/**
 * The message fields Discord's OpenAPI spec (github.com/discord/discord-api-spec,
 * specs/openapi.json) defines for each way an interaction answers. discord.js
 * puts `enforce_nonce` (and `tts`) in every body it builds, though only Create
 * Message (the announcer's channel posts) defines a nonce; the rest is dropped here.
 */
const FIELDS = {
  /** Callback type 4: the interaction's first answer. */
  reply: ["allowed_mentions", "attachments", "components", "content", "embeds", "flags", "poll", "tts"],
  /** Callback type 7: a button's or menu's message replaced. */
  update: ["allowed_mentions", "attachments", "components", "content", "embeds", "flags"],
  /** Execute Webhook: a follow-up. */
  followUp: ["allowed_mentions", "attachments", "components", "content", "embeds", "flags", "poll", "tts"],
  /** Edit Webhook Message: the deferred @original edited. */
  edit: ["allowed_mentions", "attachments", "components", "content", "embeds", "flags", "poll"],
} as const satisfies Record<string, readonly string[]>;

export type AnswerKind = keyof typeof FIELDS;

/** The payload discord.js would send to `target`, keeping only the fields `kind`'s route defines. */
export function documentedPayload(target: MessageTarget, options: MessagePayloadOption, kind: AnswerKind): MessagePayload {
  const payload = MessagePayload.create(target, options).resolveBody();
  const allowed: readonly string[] = FIELDS[kind];
  payload.body = Object.fromEntries(Object.entries(payload.body ?? {}).filter(([field]) => allowed.includes(field)));
  return payload;
}
