import { DiscordAPIError, HTTPError, RateLimitError } from "discord.js";
import type { DeliveryResult } from "../../../src/ports.js";

export type DeliveryFailure = Exclude<DeliveryResult, { ok: true }>;

const NETWORK_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH", "EPIPE", "UND_ERR_SOCKET", "UND_ERR_CONNECT_TIMEOUT", "UND_ERR_HEADERS_TIMEOUT", "UND_ERR_BODY_TIMEOUT"]);

function networkCode(error: Error): string | undefined {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 4; e = e.cause, depth++) {
    const code = (e as NodeJS.ErrnoException).code;
    if (typeof code === "string" && NETWORK_CODES.has(code)) return code;
    if (e.name === "AbortError" || e.name === "TimeoutError") return "timeout";
  }
  return undefined;
}

const transient = (reason: string, retryAfterMs?: number): DeliveryFailure =>
  retryAfterMs === undefined ? { ok: false, retry: "transient", reason } : { ok: false, retry: "transient", reason, retryAfterMs };
const permanent = (reason: string): DeliveryFailure => ({ ok: false, retry: "permanent", reason });
const credentials = (reason: string): DeliveryFailure => ({ ok: false, retry: "credentials", reason });

/** Why Discord refused a post to a channel, in words an admin can act on. */
function apiFailure(error: DiscordAPIError, channelId: string): DeliveryFailure {
  const code = `(Discord error ${error.code}, HTTP ${error.status})`;
  switch (error.code) {
    case 10003:
      return permanent(`Unknown Channel: channel ${channelId} does not exist or was deleted ${code}`);
    case 50001:
      return permanent(`Missing Access: the bot cannot see channel ${channelId}; add it to the channel ${code}`);
    case 50013:
      return permanent(`Missing Permissions: the bot needs Send Messages and Embed Links in channel ${channelId} ${code}`);
  }
  // A rejected token is the bot's configuration, not this delivery: every delivery waits for the fix.
  if (error.status === 401) return credentials(`Discord rejected the bot token; fix DISCORD_TOKEN and restart ${code}`);
  if (error.status === 429 || error.status >= 500) return transient(`Discord answered ${error.status}: ${error.message} ${code}`);
  return permanent(`Discord refused the message: ${error.message} ${code}`);
}

/**
 * Maps what the REST client threw to a delivery result for the outbox:
 * transient for rate limits (with Retry-After), 5xx, timeouts and network
 * errors; credentials for a rejected token (401); permanent for Unknown
 * Channel, Missing Access, Missing Permissions and every other 4xx.
 */
export function deliveryFailure(error: unknown, channelId: string): DeliveryFailure {
  if (error instanceof RateLimitError) {
    const wait = Math.max(0, Math.ceil(Math.max(error.retryAfter, error.timeToReset)));
    return transient(`Rate limited by Discord (${error.global ? "global" : error.scope} limit on ${error.method} ${error.route}); retry after ${wait} ms`, wait);
  }
  if (error instanceof DiscordAPIError) return apiFailure(error, channelId);
  if (error instanceof HTTPError) return transient(`Discord answered ${error.status} ${error.message || "server error"}; try again later`);
  if (error instanceof Error) {
    const network = networkCode(error);
    if (network === "timeout") return transient("Discord did not answer in time (request timed out)");
    if (network) return transient(`Cannot reach Discord (${network})`);
    // After a 401 the REST client drops its token and refuses every request with "Expected token to be set ...".
    if (/token/i.test(error.message)) return credentials(`Discord rejected the bot token earlier; fix DISCORD_TOKEN and restart (${error.message})`);
    return transient(`Posting to Discord failed: ${error.message}`);
  }
  return transient(`Posting to Discord failed: ${String(error)}`);
}
