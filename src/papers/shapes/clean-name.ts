import { collapseSpaces, stripControlChars } from "../text.js";

// Marks lists put around names: 🔥 ⭐ 🌟 ✨ 🎉 📄 and other pictographs, variation selectors, :star: shortcodes.
const PICTOGRAPHS = /[\p{Extended_Pictographic}\u{FE0F}\u{200D}\u{20E3}]/gu;
const SHORTCODES = /(^|\s):[a-z0-9_+-]{1,30}:(?=\s|$)/g;
// "(@NVIDIA)", "(@Meta Platforms, Inc)" after a title: the authors' organisation.
const ORG_SUFFIX = /\s*\(@[^()]{0,120}\)\s*$/u;
const CHECKBOX = /^\s*\[[ xX]\]\s+/;
const TRAILING = /[\s.,;:|–—-]+$/u;
const LEADING = /^[\s,;:|–—-]+/u;

/** A name or title as clean text: no marks, no organisation suffix, no checkbox, no trailing dot. */
export function cleanTitle(raw: string): string {
  let text = stripControlChars(raw).replace(PICTOGRAPHS, " ").replace(SHORTCODES, "$1");
  text = collapseSpaces(text).replace(CHECKBOX, "").replace(ORG_SUFFIX, "").replace(/ +: /g, ": ");
  return collapseSpaces(text.replace(TRAILING, "").replace(LEADING, ""));
}

const NAME_WORDS = 5;

/**
 * "Perseus: Removing Energy Bloat …" is the paper Perseus: a title "Name: subtitle"
 * whose name part is short (at most five words) gives that name and keeps the whole
 * as the title; any other title is its own name.
 */
export function nameOfTitle(title: string): { name: string; title?: string } {
  const colon = title.indexOf(": ");
  if (colon > 0) {
    const head = title.slice(0, colon).trim();
    if (head.split(/\s+/).length <= NAME_WORDS && /[\p{L}\p{N}]/u.test(head)) return { name: head, title };
  }
  return { name: title };
}

/** "[DistServe] DistServe: Disaggregating …": a short label in brackets before the title is the name. */
export function labelledTitle(text: string): { label: string; rest: string } | undefined {
  if (!text.startsWith("[")) return undefined;
  const close = text.indexOf("]");
  if (close < 2 || close > 80) return undefined;
  return { label: text.slice(1, close), rest: text.slice(close + 1) };
}
