/**
 * Wall-clock time in an IANA time zone, with Intl only: an instant's local
 * date and time, and the instant of a local date and time (across DST changes).
 */

/** A calendar date with no time zone: 2026-12-07. */
export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

export interface LocalTime extends CivilDate {
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The local date and time of an instant in a zone. */
export function localTime(instant: Date, timeZone: string): LocalTime {
  const parts: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(instant)) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  const field = (name: string): number => {
    const value = parts[name];
    if (value === undefined || Number.isNaN(value)) throw new Error(`Intl gave no ${name} for ${timeZone}`);
    return value;
  };
  return { year: field("year"), month: field("month"), day: field("day"), hour: field("hour") % 24, minute: field("minute"), second: field("second") };
}

const asUtc = (t: LocalTime): number => Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second);

/** How far the zone's clock is ahead of UTC at an instant, in ms. */
export function offsetMs(instant: Date, timeZone: string): number {
  const whole = Math.floor(instant.getTime() / 1000) * 1000;
  return asUtc(localTime(new Date(whole), timeZone)) - whole;
}

const sameLocal = (a: LocalTime, b: LocalTime) =>
  a.year === b.year && a.month === b.month && a.day === b.day && a.hour === b.hour && a.minute === b.minute && a.second === b.second;

/**
 * The instant a local time happens in a zone. A time that happens twice (the
 * hour the clocks go back) is its first occurrence; a time that never happens
 * (the hour the clocks skip) moves forward by the gap, as clocks do.
 */
export function zonedInstant(local: LocalTime, timeZone: string): Date {
  const wall = asUtc(local);
  const first = wall - offsetMs(new Date(wall), timeZone);
  const second = wall - offsetMs(new Date(first), timeZone);
  const candidates = [first, second].filter((t) => sameLocal(localTime(new Date(t), timeZone), local)).sort((a, b) => a - b);
  return new Date(candidates[0] ?? Math.max(first, second));
}

/** "2026-12-07". */
export function formatCivil(d: CivilDate): string {
  return `${String(d.year).padStart(4, "0")}-${String(d.month).padStart(2, "0")}-${String(d.day).padStart(2, "0")}`;
}

/** Reads "2026-12-07"; undefined unless it is a real calendar date. */
export function parseCivil(text: string): CivilDate | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!match) return undefined;
  const d = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  const check = new Date(Date.UTC(d.year, d.month - 1, d.day));
  return check.getUTCFullYear() === d.year && check.getUTCMonth() === d.month - 1 && check.getUTCDate() === d.day ? d : undefined;
}

export function addDays(d: CivilDate, days: number): CivilDate {
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day + days));
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

/** 0 = Sunday … 6 = Saturday, as cron counts. */
export function weekday(d: CivilDate): number {
  return new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay();
}

/** The ISO 8601 week of a date: "2026-W49" (weeks start on Monday; week 1 holds the year's first Thursday). */
export function isoWeek(d: CivilDate): string {
  const thursday = addDays(d, 3 - ((weekday(d) + 6) % 7));
  const jan1 = Date.UTC(thursday.year, 0, 1);
  const week = Math.floor((Date.UTC(thursday.year, thursday.month - 1, thursday.day) - jan1) / 86_400_000 / 7) + 1;
  return `${thursday.year}-W${String(week).padStart(2, "0")}`;
}

const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "Mon 7 Dec 2026, 09:00": built from parts, so it reads the same whatever the ICU version. */
export function formatLocal(t: LocalTime): string {
  const hh = String(t.hour).padStart(2, "0");
  const mm = String(t.minute).padStart(2, "0");
  return `${WEEKDAYS[weekday(t)]} ${t.day} ${MONTHS[t.month - 1]} ${t.year}, ${hh}:${mm}`;
}
