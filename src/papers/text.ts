/**
 * Text normalization shared by parsing, identity and search.
 * The upstream list pads cells with U+3000 and other unicode spaces and wraps
 * header cells in bold markers; everything that compares text goes through here.
 */

// \s covers U+3000, NBSP and the U+2000 block; zero-width characters are added by hand.
const SPACE_RUNS = /[\s\u200b-\u200d\u2060\ufeff]+/gu;
// Anything collapseSpaces would change inside trimmed text: a space other than " ", two spaces, a zero-width character.
const NEEDS_COLLAPSE = /[^\S ]| {2}|[\u200b-\u200d\u2060\ufeff]/u;
const BOLD_MARKERS = /(\*\*|__)/g;
// C0/C1 controls except tab and newline, plus bidi overrides that can reorder chat text.
const CONTROL_CHARS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/gu;

const ASCII = /^[\x00-\x7f]*$/;
const NOT_ASCII_ALNUM = /[^a-z0-9]+/g;

/** Collapses every kind of space to one ASCII space and trims. */
export function collapseSpaces(text: string): string {
  // Most cells are only padded at the ends: trimming is enough when no other space run is left inside.
  const trimmed = text.trim();
  if (!NEEDS_COLLAPSE.test(trimmed)) return trimmed;
  return text.replace(SPACE_RUNS, " ").trim();
}

/** A table cell or legend line as a person reads it: no bold markers, no padding. */
export function cleanText(text: string): string {
  return collapseSpaces(text.replace(BOLD_MARKERS, ""));
}

/** Removes control and bidi-override characters from user or upstream text. */
export function stripControlChars(text: string): string {
  return text.replace(CONTROL_CHARS, "");
}

/**
 * The comparison key of a name: case-, space- and punctuation-insensitive.
 * "CBA / AutoCBA", "cba-autocba" and "CBAAutoCBA" share one key; letters of any
 * script are kept, so a name in another script still has a key.
 */
export function foldKey(text: string): string {
  // Plain ASCII, the common case, needs neither normalization nor unicode classes.
  if (ASCII.test(text)) return text.toLowerCase().replace(NOT_ASCII_ALNUM, "");
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "");
}

/** Words of a name for word-prefix search: "AlpaServe" -> alpa, serve; "CBA/AutoCBA" -> cba, auto, cba. */
export function nameWords(text: string): string[] {
  if (ASCII.test(text)) {
    // The same steps for plain ASCII, without normalization or unicode classes.
    return text
      .replace(/([a-z])([A-Z])/g, "$1 $2")
      .replace(/([A-Z])([A-Z][a-z])/g, "$1 $2")
      .split(/[^A-Za-z0-9]+/)
      .map((w) => w.toLowerCase())
      .filter((w) => w.length > 0);
  }
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .replace(/(\p{Ll})(\p{Lu})/gu, "$1 $2")
    .replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, "$1 $2")
    .split(/[^\p{L}\p{N}]+/u)
    .map((w) => w.toLowerCase())
    .filter((w) => w.length > 0);
}

/** Cuts text to at most `max` characters, ending with an ellipsis when cut. */
export function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  return chars.slice(0, Math.max(0, max - 1)).join("") + "…";
}
