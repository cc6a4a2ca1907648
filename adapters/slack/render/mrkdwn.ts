import { collapseSpaces, stripControlChars, truncate } from "../../../src/papers/index.js";

/**
 * Text for Slack. Every string of a Reply is untrusted (upstream list, user
 * input), so it reaches Slack only through these functions:
 * - `&`, `<`, `>` are escaped, so nothing can form <!channel>, <!here>, <@U…>,
 *   <#C…> or a link;
 * - mrkdwn formatting characters become look-alikes (Slack has no escape for
 *   them), so a name like "*x*" or "`y" cannot bold, strike or open code;
 * - a `>` starting a line would still quote in Slack even escaped, so it gets
 *   an invisible soft hyphen first;
 * - control and bidi-override characters are removed.
 * Every mrkdwn text object is also sent with `verbatim: true`, so Slack does
 * not auto-link channel names or parse mentions by itself.
 */

const LOOK_ALIKES: Record<string, string> = { "*": "\u2217", _: "\u02cd", "~": "\u223c", "`": "\u02cb" };

/** Multi-line untrusted text as literal mrkdwn. */
export function escapeMrkdwn(text: string): string {
  return stripControlChars(text)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/[*_~`]/g, (c) => LOOK_ALIKES[c] ?? c)
    .replace(/(^|\n)([ \t]*)&gt;/g, "$1$2\u00ad&gt;");
}

/** One-line untrusted text (a name, a venue) as literal mrkdwn. */
export function inlineMrkdwn(text: string): string {
  return escapeMrkdwn(collapseSpaces(text));
}

/** Untrusted text for a plain_text object (header, button): no markup is parsed there, only length and controls matter. */
export function plainText(text: string, max: number): string {
  const clean = collapseSpaces(stripControlChars(text));
  return truncate(clean === "" ? "—" : clean, max);
}

/** An http(s) URL made safe inside `<url|label>`: entities escaped, `|` and angle brackets percent-encoded. */
export function safeUrl(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return undefined;
  return parsed.href.replace(/\|/g, "%7C").replace(/</g, "%3C").replace(/>/g, "%3E").replace(/&/g, "&amp;");
}

/** `<url|label>` with an escaped label, or just the escaped label when the URL is unusable. */
export function mrkdwnLink(url: string, label: string): string {
  const href = safeUrl(url);
  return href ? `<${href}|${inlineMrkdwn(label)}>` : inlineMrkdwn(label);
}

/**
 * Cuts finished mrkdwn to `max` characters without leaving half an entity or
 * half a `<link|label>` behind.
 */
export function truncateMrkdwn(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  let cut = chars.slice(0, Math.max(0, max - 1)).join("");
  cut = cut.replace(/&[a-z]{0,4}$/, "");
  const open = cut.lastIndexOf("<");
  if (open > cut.lastIndexOf(">")) cut = cut.slice(0, open);
  return `${cut}…`;
}

/** Joins mrkdwn lines up to `max` characters, dropping whole lines (and saying so) rather than cutting markup. */
export function joinLines(lines: string[], max: number): string {
  const kept: string[] = [];
  let length = 0;
  for (const [i, line] of lines.entries()) {
    const rest = lines.length - i;
    const more = `… and ${rest} more`;
    const needed = length + (kept.length > 0 ? 1 : 0) + Array.from(line).length;
    if (needed > max - (rest > 1 ? more.length + 1 : 0)) {
      if (kept.length === 0) return truncateMrkdwn(line, max);
      kept.push(more);
      break;
    }
    kept.push(line);
    length = needed;
  }
  return kept.join("\n");
}
