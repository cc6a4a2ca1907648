import { addDays, formatCivil, localTime, weekday, zonedInstant, type CivilDate } from "../papers/zoned-time.js";
import { WEEKDAY_NAMES, type DeliveryOptions } from "../store/subscription-repo.js";

/** When a digest goes out: the mode's time of day (and day of the week), in a zone. */
export type DigestCadence = Pick<DeliveryOptions, "mode" | "at" | "day">;

const clock = (at: string) => {
  const [hour, minute] = at.split(":").map(Number);
  return { hour: hour ?? 0, minute: minute ?? 0, second: 0 };
};

const instantOn = (date: CivilDate, cadence: DigestCadence, timeZone: string) => zonedInstant({ ...date, ...clock(cadence.at) }, timeZone);

/** The period step of a cadence in days: 1 for daily, 7 for weekly. */
const stepOf = (cadence: DigestCadence) => (cadence.mode === "weekly" ? 7 : 1);

/** The digest day on or before a date (the date itself for daily). */
function dayOnOrBefore(date: CivilDate, cadence: DigestCadence): CivilDate {
  if (cadence.mode !== "weekly") return date;
  const target = WEEKDAY_NAMES.indexOf(cadence.day);
  return addDays(date, -((weekday(date) - target + 7) % 7));
}

/**
 * The latest digest time at or before `now` (the end of the period a digest
 * run at `now` covers). Instant subscriptions have none.
 */
export function lastDigestTime(cadence: DigestCadence, now: Date, timeZone: string): Date | undefined {
  if (cadence.mode === "instant") return undefined;
  let date = dayOnOrBefore(localTime(now, timeZone), cadence);
  // A DST gap can move a time by an hour, so look one more period back when needed.
  for (let i = 0; i < 3; i++) {
    const at = instantOn(date, cadence, timeZone);
    if (at.getTime() <= now.getTime()) return at;
    date = addDays(date, -stepOf(cadence));
  }
  return undefined;
}

/** The first digest time after `now`. Instant subscriptions have none. */
export function nextDigestTime(cadence: DigestCadence, now: Date, timeZone: string): Date | undefined {
  if (cadence.mode === "instant") return undefined;
  let date = dayOnOrBefore(localTime(now, timeZone), cadence);
  for (let i = 0; i < 4; i++) {
    const at = instantOn(date, cadence, timeZone);
    if (at.getTime() > now.getTime()) return at;
    date = addDays(date, stepOf(cadence));
  }
  return undefined;
}

/** "2026-12-07T09:00" in the zone: names the period a digest closes, for its key. */
export function periodLabel(end: Date, timeZone: string): string {
  const t = localTime(end, timeZone);
  return `${formatCivil(t)}T${String(t.hour).padStart(2, "0")}:${String(t.minute).padStart(2, "0")}`;
}
