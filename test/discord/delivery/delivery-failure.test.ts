import { DiscordAPIError, HTTPError, RateLimitError } from "discord.js";
import { describe, expect, it } from "vitest";
import { deliveryFailure } from "../../../adapters/discord/delivery/delivery-failure.js";
import { nonceFor } from "../../../adapters/discord/delivery/nonce.js";

const apiError = (status: number, code: number, message: string) => new DiscordAPIError({ code, message }, code, status, "POST", "https://discord.test/api/v10/channels/1/messages", { body: {} });

describe("mapping Discord errors to delivery results", () => {
  it("makes Unknown Channel, Missing Access and Missing Permissions permanent, with a reason an admin can act on", () => {
    expect(deliveryFailure(apiError(404, 10003, "Unknown Channel"), "42")).toEqual({ ok: false, retry: "permanent", reason: expect.stringMatching(/^Unknown Channel: channel 42/) });
    expect(deliveryFailure(apiError(403, 50001, "Missing Access"), "42")).toMatchObject({ retry: "permanent", reason: expect.stringMatching(/^Missing Access/) });
    expect(deliveryFailure(apiError(403, 50013, "Missing Permissions"), "42")).toMatchObject({ retry: "permanent", reason: expect.stringContaining("Send Messages and Embed Links") });
    expect(deliveryFailure(apiError(400, 50035, "Invalid Form Body"), "42")).toMatchObject({ retry: "permanent" });
  });

  it("makes rate limits transient with the wait, and 5xx and network errors transient", () => {
    const limited = new RateLimitError({ timeToReset: 100, limit: 5, method: "POST", hash: "h", url: "u", route: "/channels/:id/messages", majorParameter: "1", global: false, retryAfter: 2050, sublimitTimeout: 0, scope: "user" });
    expect(deliveryFailure(limited, "1")).toMatchObject({ retry: "transient", retryAfterMs: 2050 });
    expect(deliveryFailure(new HTTPError(502, "Bad Gateway", "POST", "u", { body: {} }), "1")).toMatchObject({ retry: "transient", reason: expect.stringContaining("502") });
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:1"), { code: "ECONNREFUSED" });
    expect(deliveryFailure(new TypeError("fetch failed", { cause: refused }), "1")).toMatchObject({ retry: "transient", reason: "Cannot reach Discord (ECONNREFUSED)" });
    expect(deliveryFailure(Object.assign(new Error("aborted"), { name: "AbortError" }), "1")).toMatchObject({ retry: "transient", reason: expect.stringContaining("timed out") });
  });

  it("keeps a delivery for later when the token is rejected: the fix is the bot's configuration", () => {
    expect(deliveryFailure(apiError(401, 0, "401: Unauthorized"), "1")).toMatchObject({ retry: "credentials", reason: expect.stringContaining("DISCORD_TOKEN") });
    // After a 401 discord.js drops the token and refuses every later request itself.
    expect(deliveryFailure(new Error("Expected token to be set for this request, but none was present"), "1")).toMatchObject({ retry: "credentials" });
  });
});

describe("nonces", () => {
  it("are 25 characters, stable per key and part, different across keys and parts", () => {
    expect(nonceFor("outbox:17:discord:42")).toHaveLength(25);
    expect(nonceFor("outbox:17:discord:42")).toBe(nonceFor("outbox:17:discord:42"));
    expect(nonceFor("outbox:17:discord:42")).not.toBe(nonceFor("outbox:18:discord:42"));
    expect(nonceFor("k", 1)).not.toBe(nonceFor("k", 0));
  });
});
