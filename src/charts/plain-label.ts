/** At most this many characters of a label reach the chart; the axis shortens long ones further with "…". */
export const LABEL_MAX = 80;

/**
 * A label as one plain line: control characters (newlines, bidi overrides
 * stay visible as text but C0/C1 controls go) removed, spaces collapsed,
 * length capped. The SVG writer escapes markup; this only keeps the layout sane.
 */
export function plainLabel(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
  const line = text.replace(/[\u0000-\u001f\u007f-\u009f]+/g, " ").replace(/\s+/g, " ").trim();
  const capped = line.length > LABEL_MAX ? `${line.slice(0, LABEL_MAX - 1)}…` : line;
  return capped === "" ? "(blank)" : capped;
}
