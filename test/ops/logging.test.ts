import { describe, expect, it } from "vitest";
import { createLogger, scrubber } from "../../src/log.js";
import { startNode } from "../helpers/spawn.js";

describe("logs never show a secret", () => {
  it("scrubs secret values wherever they appear in a line", () => {
    const scrub = scrubber(["xoxb-secret-123", "short"]);
    expect(scrub('{"msg":"GET https://x/?token=xoxb-secret-123 failed: xoxb-secret-123"}')).toBe('{"msg":"GET https://x/?token=[redacted] failed: [redacted]"}');
    expect(scrub("a short word")).toBe("a short word");
  });

  it("redacts token keys in logged objects and scrubs secret values from messages and errors", () => {
    const lines: string[] = [];
    const log = createLogger({ level: "info", secrets: ["MTIz.discord-token-value"], stream: { write: (l) => void lines.push(l) } });
    log.info({ token: "anything", client: { token: "other" }, headers: { authorization: "Bearer abc" } }, "login with MTIz.discord-token-value");
    log.error({ err: new Error("401: bad token MTIz.discord-token-value") }, "failed");
    const text = lines.join("");
    expect(lines).toHaveLength(2);
    expect(text).not.toContain("MTIz.discord-token-value");
    expect(text).not.toContain("anything");
    expect(text).not.toContain("Bearer abc");
    expect(JSON.parse(lines[0] ?? "{}")).toMatchObject({ token: "[redacted]", client: { token: "[redacted]" }, msg: "login with [redacted]" });
  });

  it("a bot started with tokens in its environment never writes them to its output, and stops on SIGTERM", async () => {
    const env = { DISCORD_TOKEN: "MTIz.super-secret-discord-token", SLACK_BOT_TOKEN: "xoxb-super-secret-slack", SLACK_APP_TOKEN: "xapp-super-secret-app", LOG_LEVEL: "trace", PORT: "0" };
    const bot = startNode("bin/start.js", [], { env });
    await bot.waitFor(/mss-bot running/);
    await bot.waitFor(/"job":"sync".*"msg":"job finished"/);
    bot.signal("SIGTERM");
    expect(await bot.exited).toBe(0);
    expect(bot.output()).toContain("shutting down");
    for (const secret of Object.values(env).filter((v) => v.includes("secret"))) expect(bot.output()).not.toContain(secret);
  });
});
