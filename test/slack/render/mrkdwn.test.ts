import { describe, expect, it } from "vitest";
import { escapeMrkdwn, inlineMrkdwn, joinLines, mrkdwnLink, plainText, truncateMrkdwn } from "../../../adapters/slack/render/mrkdwn.js";
import { HOSTILE } from "./cards.js";

describe("mrkdwn escaping of untrusted text", () => {
  it("escapes &, < and > so no mention, ping or link can form", () => {
    const text = escapeMrkdwn(HOSTILE);
    expect(text).not.toMatch(/[<>]/);
    expect(text).toContain("&lt;!channel&gt; &lt;@U123&gt; &lt;https://evil.example|click&gt;");
    expect(text).toContain(" &amp; ");
  });

  it("turns formatting characters into look-alikes and drops bidi overrides", () => {
    expect(escapeMrkdwn("*bold* _it_ ~s~ `code`")).toBe("∗bold∗ ˍitˍ ∼s∼ ˋcodeˋ");
    expect(escapeMrkdwn("a\u202eb\u0007c")).toBe("abc");
  });

  it("keeps a leading > from quoting", () => {
    expect(escapeMrkdwn("> quoted\n  > again")).toBe("\u00ad&gt; quoted\n  \u00ad&gt; again");
  });

  it("keeps one-line text on one line", () => {
    expect(inlineMrkdwn("Alpa\nServe\u3000 2")).toBe("Alpa Serve 2");
  });

  it("makes links only from http(s) URLs, with the URL's own specials encoded", () => {
    expect(mrkdwnLink("https://x.org/a?b=1&c=<d>|e", "A*")).toBe("<https://x.org/a?b=1&amp;c=%3Cd%3E%7Ce|A∗>");
    expect(mrkdwnLink("javascript:alert(1)", "A")).toBe("A");
    expect(mrkdwnLink("not a url", "<!here>")).toBe("&lt;!here&gt;");
  });

  it("leaves plain_text unescaped (Slack parses no markup there) but bounded and never empty", () => {
    expect(plainText("<!channel> A & B", 150)).toBe("<!channel> A & B");
    expect(plainText("x".repeat(200), 150)).toHaveLength(150);
    expect(plainText(" \u0007 ", 10)).toBe("—");
  });

  it("truncates without leaving half an entity or half a link", () => {
    expect(truncateMrkdwn("ab &amp; cd", 6)).toBe("ab …");
    expect(truncateMrkdwn("see <https://x.org|x> now", 12)).toBe("see …");
    expect(truncateMrkdwn("short", 10)).toBe("short");
  });

  it("drops whole lines past the limit and says how many", () => {
    const lines = Array.from({ length: 100 }, (_, i) => `line ${i} ${"x".repeat(40)}`);
    const joined = joinLines(lines, 3000);
    expect(joined.length).toBeLessThanOrEqual(3000);
    expect(joined).toMatch(/\n… and \d+ more$/);
    const shown = joined.split("\n").length - 1;
    expect(joined).toContain(`… and ${100 - shown} more`);
    expect(joinLines(["a", "b"], 3000)).toBe("a\nb");
  });
});
