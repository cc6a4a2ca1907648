const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;

/** How the reading group runs around its weekly post; from the configuration (MSS_READING_*, MSS_PUBLIC_URL, MSS_CALENDAR_TOKEN). */
export interface ReadingOptions {
  /** Reminders before each session, in ms before it starts, longest first (MSS_READING_REMIND); empty for none. */
  remindBeforeMs: number[];
  /** Whether each weekly post opens a discussion thread (MSS_READING_THREADS). */
  threads: boolean;
  /**
   * How long before its session the weekly post goes out (MSS_READING_POST_LEAD), so the
   * post and its thread come before the reminders, the RSVPs and a vote's deadline.
   */
  postLeadMs: number;
  /** The bot's public base URL (MSS_PUBLIC_URL), for the calendar subscription link. */
  publicUrl?: string;
  /** The calendar's secret path part (MSS_CALENDAR_TOKEN): /reading/<token>.ics instead of /reading.ics. */
  calendarToken?: string;
}

export const DEFAULT_READING_OPTIONS: ReadingOptions = {
  remindBeforeMs: [2 * DAY, HOUR],
  threads: true,
  postLeadMs: 3 * DAY,
};

/** The path the live calendar is served on. */
export const calendarPath = (token: string | undefined): string => (token ? `/reading/${token}.ics` : "/reading.ics");

/** The calendar's http(s) address, when the public URL is known. */
export function calendarUrl(options: Pick<ReadingOptions, "publicUrl" | "calendarToken">): string | undefined {
  if (!options.publicUrl) return undefined;
  const base = new URL(options.publicUrl);
  return `${base.origin}${base.pathname.replace(/\/+$/, "")}${calendarPath(options.calendarToken)}`;
}

/** The webcal:// link to subscribe to (the same address; calendar apps open it as a subscription). */
export function calendarLink(options: Pick<ReadingOptions, "publicUrl" | "calendarToken">): string | undefined {
  return calendarUrl(options)?.replace(/^https?:/, "webcal:");
}

const UNITS: Record<string, number> = { w: WEEK, d: DAY, h: HOUR, m: MINUTE };

/** "2d,1h" → [172800000, 3600000]; "off" → []; undefined with the reason when it is not a list of durations. */
export function parseRemind(text: string): { ok: true; value: number[] } | { ok: false; message: string } {
  const value = text.trim().toLowerCase();
  if (value === "off" || value === "none") return { ok: true, value: [] };
  const out = new Set<number>();
  for (const part of value.split(",").map((p) => p.trim())) {
    const match = /^(\d{1,4})\s*([wdhm])$/.exec(part);
    const ms = match ? Number(match[1]) * (UNITS[match[2] as string] ?? 0) : 0;
    if (!match || ms <= 0 || ms > 4 * WEEK) return { ok: false, message: 'must be durations before each session like "2d,1h" (units w, d, h, m; at most 4w each), or "off"' };
    out.add(ms);
  }
  if (out.size > 5) return { ok: false, message: "must list at most 5 reminders" };
  return { ok: true, value: [...out].sort((a, b) => b - a) };
}

/** "3d" → 259200000, "0" → 0: the weekly post's lead before its session (MSS_READING_POST_LEAD), at most 5 weeks. */
export function parseLead(text: string): { ok: true; value: number } | { ok: false; message: string } {
  const value = text.trim().toLowerCase();
  if (value === "0") return { ok: true, value: 0 };
  const match = /^(\d{1,4})\s*([wdhm])$/.exec(value);
  const ms = match ? Number(match[1]) * (UNITS[match[2] as string] ?? 0) : -1;
  if (!match || ms < 0 || ms > 5 * WEEK) return { ok: false, message: 'must be a duration before each session like "3d" or "36h" (units w, d, h, m; at most 5w), or 0' };
  return { ok: true, value: ms };
}

/** The lead when none is set: 3 days, or a day more than the first reminder when that is longer. */
export function defaultLead(remindBeforeMs: readonly number[]): number {
  return Math.max(DEFAULT_READING_OPTIONS.postLeadMs, (remindBeforeMs[0] ?? 0) + DAY);
}

/** 172800000 → "2d", 5400000 → "90m": how an offset reads in keys and logs. */
export function formatOffset(ms: number): string {
  for (const unit of ["w", "d", "h", "m"]) {
    const size = UNITS[unit] as number;
    if (ms % size === 0) return `${ms / size}${unit}`;
  }
  return `${Math.round(ms / 1000)}s`;
}

/** "in 2 days", "in 1 hour", "in 90 minutes". */
export function inWords(ms: number): string {
  const plural = (n: number, word: string) => `in ${n} ${word}${n === 1 ? "" : "s"}`;
  if (ms % WEEK === 0) return plural(ms / WEEK, "week");
  if (ms % DAY === 0) return plural(ms / DAY, "day");
  if (ms % HOUR === 0) return plural(ms / HOUR, "hour");
  return plural(Math.round(ms / MINUTE), "minute");
}
