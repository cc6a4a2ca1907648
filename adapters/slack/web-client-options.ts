import type { webApi } from "@slack/bolt";

/** Per-request time limit of every Slack Web API call and response_url post. */
export const DEFAULT_WEB_TIMEOUT_MS = 10_000;

/**
 * The WebClient settings of every Slack call the adapter makes, chosen so the
 * SDK never hides a failure from the caller nor delays it indefinitely:
 *
 * - `retryConfig: { retries: 0 }`: the SDK's default re-sends a failed call up
 *   to 10 times over ~30 minutes. A chat.postMessage re-sent after a timeout can
 *   post twice, and a half-hour wait would hold the outbox. Instead the outbox
 *   retries announcements (after the history check in announcer.ts), the
 *   adapter's backoff loop retries auth.test and the Socket Mode connection,
 *   and an interactive call fails fast to an error reply.
 * - `rejectRateLimitedCalls: true`: by default a 429 pauses the whole client
 *   for Retry-After and retries behind the caller's back; here it becomes a
 *   rate-limit error at once, which the announcer reports as transient with
 *   `retryAfterMs`.
 * - `timeout`: the SDK default is none, so a hung connection would hang the
 *   caller for ever; here it is an error after `timeoutMs` (for a post: an
 *   ambiguous one, checked in history before the next attempt).
 * - `fetch` with the same timeout: Bolt's respond() posts to response_url with
 *   this fetch and has no timeout of its own.
 */
export function webClientOptions(apiUrl: string | undefined, timeoutMs: number): webApi.WebClientOptions {
  const options: webApi.WebClientOptions = {
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: timeoutMs,
    fetch: (url, init) => fetch(url, { ...init, signal: init?.signal ?? AbortSignal.timeout(timeoutMs) }),
  };
  if (apiUrl) options.slackApiUrl = apiUrl.endsWith("/") ? apiUrl : `${apiUrl}/`;
  return options;
}
