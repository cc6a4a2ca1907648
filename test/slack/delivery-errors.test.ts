import { webApi } from "@slack/bolt";
import { describe, expect, it } from "vitest";
import { classifySlackError } from "../../adapters/slack/delivery-errors.js";

const platform = (error: string, extra: Record<string, unknown> = {}) => new webApi.WebAPIPlatformError({ ok: false, error, ...extra });
const network = (code: string) => new webApi.WebAPIRequestError(Object.assign(new TypeError("fetch failed"), { cause: Object.assign(new Error(code), { code }) }));

describe("mapping Slack errors to delivery results", () => {
  it("makes a rate limit transient with Retry-After in ms, and unambiguous", () => {
    expect(classifySlackError(new webApi.WebAPIRateLimitedError(12))).toEqual({
      result: { ok: false, retry: "transient", reason: "ratelimited: Slack asks the bot to retry after 12 s", retryAfterMs: 12_000 },
      ambiguous: false,
    });
  });

  it("makes token errors a credentials problem, never the channel's: every delivery waits for the fix", () => {
    for (const code of ["invalid_auth", "account_inactive", "token_revoked", "not_authed", "token_expired"]) {
      const { result, ambiguous } = classifySlackError(platform(code));
      expect(result.retry).toBe("credentials");
      expect(result.reason).toMatch(new RegExp(`^${code}: .*(SLACK_BOT_TOKEN|reinstall)`));
      expect(ambiguous).toBe(false);
    }
  });

  it("makes channel, membership, archive and scope errors permanent with a readable reason", () => {
    for (const code of ["channel_not_found", "not_in_channel", "is_archived", "missing_scope"]) {
      const { result, ambiguous } = classifySlackError(platform(code));
      expect(result.retry).toBe("permanent");
      expect(result.reason).toMatch(new RegExp(`^${code}: .{10,}`));
      expect(ambiguous).toBe(false);
    }
    expect(classifySlackError(platform("not_in_channel")).result.reason).toContain("/invite @mss-bot");
  });

  it("makes Slack-side failures transient and ambiguous (the post may exist)", () => {
    expect(classifySlackError(platform("internal_error"))).toMatchObject({ result: { retry: "transient" }, ambiguous: true });
    expect(classifySlackError(new webApi.WebAPIHTTPError(502, "Bad Gateway", {}, ""))).toMatchObject({ result: { retry: "transient", reason: "HTTP 502 from Slack" }, ambiguous: true });
    const timeout = new webApi.WebAPIRequestError(new DOMException("The operation was aborted due to timeout", "TimeoutError"));
    expect(classifySlackError(timeout)).toMatchObject({ result: { retry: "transient", reason: expect.stringMatching(/^timeout: /) }, ambiguous: true });
    expect(classifySlackError(network("ECONNRESET"))).toMatchObject({ result: { retry: "transient", reason: "network: ECONNRESET" }, ambiguous: true });
  });

  it("knows a refused connection never reached Slack", () => {
    expect(classifySlackError(network("ECONNREFUSED"))).toMatchObject({ result: { retry: "transient" }, ambiguous: false });
  });

  it("treats a 4xx from the API URL and unknown errors as permanent, so they are not retried for ever", () => {
    expect(classifySlackError(new webApi.WebAPIHTTPError(404, "Not Found", {}, "")).result).toMatchObject({ retry: "permanent", reason: expect.stringContaining("SLACK_API_URL") });
    expect(classifySlackError(platform("something_new")).result).toEqual({ ok: false, retry: "permanent", reason: "something_new: Slack refused the message" });
    expect(classifySlackError(new Error("boom")).result).toEqual({ ok: false, retry: "permanent", reason: "unexpected error: boom" });
  });
});
