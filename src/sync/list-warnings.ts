import type { ParseWarning } from "../papers/index.js";

/** What a parse warning cost: a row or a paper left out, a link or value dropped, or a row kept as repaired. */
export type WarningEffect = "skipped" | "dropped" | "repaired";

/** Classifies a parse warning by its message's closing words (the parser ends each one with what it did). */
export function warningEffect(warning: ParseWarning): WarningEffect {
  if (/; skipped$/.test(warning.message)) return "skipped";
  if (/; dropped$/.test(warning.message)) return "dropped";
  return "repaired";
}

/** The warnings with repeats (the same line and message) removed, in order. */
export function distinctWarnings(warnings: readonly ParseWarning[]): ParseWarning[] {
  const seen = new Set<string>();
  return warnings.filter((w) => {
    const key = `${w.line ?? ""}\u0000${w.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
