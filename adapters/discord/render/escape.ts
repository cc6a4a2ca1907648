import { stripControlChars } from "../../../src/papers/index.js";

const ZWSP = "\u200b";

/**
 * Breaks every mention-like token with a zero-width space: @everyone, @here,
 * <@user>, <@&role>, <#channel>, </command:id>, <t:stamp>, <:emoji:id>. Applied
 * everywhere (embeds, labels), not only where allowed_mentions is involved.
 */
export function neutralizeMentions(text: string): string {
  return text.replace(/@(everyone|here)/gi, `@${ZWSP}$1`).replace(/<(?=[@#/:]|[a-z]+:)/gi, `<${ZWSP}`);
}

// Every character that can start or end inline markup (bold, italics, underline, strike, spoiler, code, masked link).
const INLINE = /[\\*_~`|[\]]/g;
// Line-start markup: headings, subtext, quotes, bulleted and numbered lists.
const LINE_START = /^(\s*)(#{1,3}(?=\s)|-#|>|[-+](?=\s)|\d+(?=\.\s))/gm;

/**
 * Upstream or user text as literal Discord markdown: no formatting, links,
 * quotes, headings or mentions. Every markup character is backslash-escaped
 * (discord.js's escapeMarkdown works by pairs and leaves odd runs such as
 * "*****" partly unescaped, which could still pair up with later text).
 */
export function escapeText(text: string): string {
  const escaped = stripControlChars(text)
    .replace(INLINE, "\\$&")
    .replace(LINE_START, (_, indent: string, mark: string) => (/^\d/.test(mark) ? `${indent}${mark}\\` : `${indent}\\${mark}`));
  return neutralizeMentions(escaped);
}

/** Cuts to at most `max` UTF-16 units without splitting a surrogate pair, ending with "…" when cut. */
export function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 0) return "";
  let end = max - 1;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return `${text.slice(0, end)}…`;
}

/** Escaped text that fits in `max` characters: the raw text is cut (never the escapes), then escaped. */
export function escapeWithin(text: string, max: number): string {
  const full = escapeText(text);
  if (full.length <= max) return full;
  const chars = Array.from(text);
  let lo = 0;
  let hi = chars.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (escapeText(chars.slice(0, mid).join("")).length + 1 <= max) lo = mid;
    else hi = mid - 1;
  }
  return max >= 1 ? `${escapeText(chars.slice(0, lo).join(""))}…` : "";
}

/** Text shown literally by Discord (button and select labels, autocomplete names): one line, no controls, cut. */
export function plainWithin(text: string, max: number): string {
  return cut(neutralizeMentions(stripControlChars(text).replace(/\s+/g, " ").trim()), max);
}

/** A URL safe inside a markdown link target: http(s) only, parentheses and spaces percent-encoded. */
export function linkTarget(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return undefined;
    return parsed.href.replace(/\(/g, "%28").replace(/\)/g, "%29").replace(/ /g, "%20");
  } catch {
    return undefined;
  }
}

/** "[escaped label](url)" when the URL is usable, else the escaped label; fits in `max`. */
export function maskedLink(label: string, url: string | undefined, max: number): string {
  const target = url === undefined ? undefined : linkTarget(url);
  if (!target || target.length + 4 >= max) return escapeWithin(label, max);
  return `[${escapeWithin(label, max - target.length - 4)}](${target})`;
}
