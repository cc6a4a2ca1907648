import type { FieldChange, PaperChange } from "../papers/index.js";

const show = (v: FieldChange["before"]) => (v === null ? "none" : Array.isArray(v) ? v.join(", ") : String(v));

/**
 * The changes worth telling a channel about: venue or year changed (a preprint
 * got published), a code or video link added. Typo fixes, new blog links and
 * reporter edits are not news.
 */
export function notableFields(change: PaperChange): FieldChange[] {
  return change.fields.filter(
    (f) => f.field === "venue" || f.field === "year" || ((f.field === "links.code" || f.field === "links.video") && f.before === null && f.after !== null),
  );
}

/** "venue: arXiv → OSDI", "code: added https://…". */
export function describeField(f: FieldChange): string {
  if (f.field.startsWith("links.") && f.before === null) return `${f.field.slice(6)} link added: ${show(f.after)}`;
  return `${f.field}: ${show(f.before)} → ${show(f.after)}`;
}
