import type { ErrorReason, Reply } from "../../../src/replies/reply.js";
import { escapeWithin } from "./escape.js";
import { COLORS, LIMITS } from "./limits.js";
import { message, type DiscordMessage } from "./message.js";

const TITLES: Record<ErrorReason, string> = {
  invalid: "That did not work",
  "not-found": "Nothing found",
  forbidden: "Not allowed",
  unavailable: "Not available right now",
  failed: "Something went wrong",
};

/** An error only the user who asked sees: what went wrong, then how to fix it. */
export function renderError(reply: Extract<Reply, { kind: "error" }>): DiscordMessage {
  const text = escapeWithin(reply.text, 2000);
  const hint = reply.hint ? escapeWithin(reply.hint, LIMITS.embedDescription - text.length - 1) : "";
  return message({ embeds: [{ title: TITLES[reply.reason], color: COLORS.error, description: hint ? `${text}\n${hint}` : text }], ephemeral: true });
}
