import { createHash } from "node:crypto";

/**
 * The nonce of part `part` of a delivery: 25 hex characters (Discord's
 * maximum) derived from the outbox key, so a retried delivery sends the same
 * nonce and, with enforce_nonce, Discord returns the earlier message instead
 * of posting it twice.
 */
export function nonceFor(key: string, part = 0): string {
  return createHash("sha256")
    .update(part === 0 ? key : `${key}#${part}`)
    .digest("hex")
    .slice(0, 25);
}
