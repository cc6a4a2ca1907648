import type { Mention } from "../../../src/replies/reply.js";

const SNOWFLAKE = /^\d{15,25}$/;

/**
 * The role a channel post pings (a subscription's `mention:`): `<@&id>` for the
 * text and the id for allowed_mentions, only for a well-formed role id (never
 * built from free text); nothing otherwise.
 */
export function roleMention(mention: Mention | undefined): { text: string; roles: string[] } {
  return mention && SNOWFLAKE.test(mention.id) ? { text: `<@&${mention.id}> `, roles: [mention.id] } : { text: "", roles: [] };
}
