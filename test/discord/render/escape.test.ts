import { describe, expect, it } from "vitest";
import { cut, escapeText, escapeWithin, linkTarget, maskedLink, neutralizeMentions, plainWithin } from "../../../adapters/discord/render/escape.js";

describe("escaping upstream text for Discord", () => {
  it("breaks @everyone, @here and every <…> mention with a zero-width space", () => {
    const out = neutralizeMentions("@everyone @here <@123> <@!123> <@&456> <#789> </paper:1> <t:1700000000:R> <:emoji:1> <a:wave:2>");
    expect(out).not.toMatch(/@everyone|@here|<@|<#|<\/|<t:|<:|<a:/);
    expect(out.replace(/\u200b/g, "")).toBe("@everyone @here <@123> <@!123> <@&456> <#789> </paper:1> <t:1700000000:R> <:emoji:1> <a:wave:2>");
  });

  it("escapes bold, italics, code, strike, spoilers, headings, lists, quotes and masked links", () => {
    expect(escapeText("**b** _i_ `c` ~~s~~ ||sp||")).toBe("\\*\\*b\\*\\* \\_i\\_ \\`c\\` \\~\\~s\\~\\~ \\|\\|sp\\|\\|");
    expect(escapeText("# title")).toBe("\\# title");
    expect(escapeText("> quote")).toBe("\\> quote");
    expect(escapeText("-# small")).toBe("\\-# small");
    expect(escapeText("- item")).toBe("\\- item");
    expect(escapeText("1. first")).toBe("1\\. first");
    expect(escapeText("*****x*")).toBe("\\*\\*\\*\\*\\*x\\*");
    expect(escapeText("[click](https://evil.example)")).toBe("\\[click\\](https://evil.example)");
  });

  it("doubles backslashes so upstream text cannot un-escape what follows", () => {
    expect(escapeText("a\\*b")).toBe("a\\\\\\*b");
  });

  it("strips control and bidi-override characters", () => {
    expect(escapeText("ab\u0007c\u202ed")).toBe("abcd");
  });

  it("cuts the raw text, never an escape, to fit a limit, and marks the cut", () => {
    const out = escapeWithin("*".repeat(300), 256);
    expect(out.length).toBeLessThanOrEqual(256);
    expect(out.endsWith("…")).toBe(true);
    expect(out.slice(0, -1)).toMatch(/^(\\\*)+$/);
  });

  it("cuts without splitting a surrogate pair", () => {
    expect(cut("😀😀😀", 4)).toBe("😀…");
  });

  it("makes one literal line for labels: no newline, no mention, cut to the limit", () => {
    const out = plainWithin("A\nB @everyone " + "x".repeat(200), 80);
    expect(out.length).toBeLessThanOrEqual(80);
    expect(out).not.toContain("\n");
    expect(out).not.toContain("@everyone");
  });

  it("accepts only http(s) link targets and encodes what would end a markdown link", () => {
    expect(linkTarget("javascript:alert(1)")).toBeUndefined();
    expect(linkTarget("https://x.example/a_(b)")).toBe("https://x.example/a_%28b%29");
    expect(maskedLink("Paper", "https://x.example/p.pdf", 100)).toBe("[Paper](https://x.example/p.pdf)");
    expect(maskedLink("[x](y)", "ftp://x", 100)).toBe("\\[x\\](y)");
  });
});
