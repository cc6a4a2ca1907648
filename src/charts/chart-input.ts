/**
 * What a chart shows, as plain counts: the caller (a command) builds this from
 * its own data; nothing here knows about papers, sessions or platforms.
 * Every string is untrusted text (a venue, a reporter's name) and is drawn as text.
 */

/** One bar, or one part of a stacked bar when `group` is given (a category within a year). */
export interface BarCount {
  label: string;
  value: number;
  group?: string;
}

export interface BarPanel {
  title: string;
  /** What the bars are: "Year", "Venue". */
  axis: string;
  /** What is counted: "Papers". */
  measure: string;
  /** "columns" for a few short labels left to right (years); "rows" for names, one per line. */
  layout: "columns" | "rows";
  /** Bars in the order to draw them; groups stack in the order they first appear. */
  bars: BarCount[];
  /** The legend's title when bars are stacked. */
  groupTitle?: string;
  /** The stacking and legend order of the groups (those missing here follow in the order they appear). */
  groups?: string[];
}

export interface ChartInput {
  title: string;
  panels: BarPanel[];
}

/** A rendered chart: the PNG to post, the SVG it came from, and the text alternative with the same numbers. */
export interface ChartImage {
  png: Uint8Array;
  svg: string;
  alt: string;
  width: number;
  height: number;
}
