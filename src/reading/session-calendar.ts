import cron from "node-cron";
import { addDays, formatCivil, isoWeek, localTime, weekday, zonedInstant, type CivilDate, type LocalTime } from "../papers/zoned-time.js";

/** One reading-group session: when it starts, and how long its post stays due. */
export interface SessionSlot {
  /** The session's local date in the group's time zone: its identity, "2026-12-07". */
  id: string;
  date: CivilDate;
  /** ISO week of the date, "2026-W50". */
  week: string;
  startsAt: Date;
  local: LocalTime;
  /**
   * The session's week ends at local midnight before the next session's day:
   * until then its post is still due (a post missed while the bot was down goes
   * out late); after that it is stale and never posted.
   */
  currentUntil: Date;
}

/** Longest gap searched between two sessions (a cron like "0 9 29 2 *" meets only in leap years). */
const MAX_GAP_DAYS = 8 * 366;

type Time = { hour: number; minute: number; second: number };

/**
 * The sessions of a cron schedule (MSS_READING_CRON) in a time zone (MSS_TZ):
 * at most one per local day, the day's first matching time. Matching is
 * node-cron's own, so the sessions are exactly when the weekly job fires,
 * 09:00 local on both sides of a daylight-saving change.
 */
export class SessionCalendar {
  private readonly matches: (instant: Date) => boolean;
  private readonly times: Time[];
  private readonly dayFilter: (d: CivilDate) => boolean;

  constructor(
    readonly cron: string,
    readonly timeZone: string,
  ) {
    const fields = cronFields(cron);
    this.times = fields.hour.flatMap((hour) => fields.minute.flatMap((minute) => fields.second.map((second) => ({ hour, minute, second }))));
    this.dayFilter = fields.dayFilter;
    this.matches = cronMatcher(cron, timeZone);
  }

  /** The session on a local date, if the schedule has one that day. */
  on(date: CivilDate): SessionSlot | undefined {
    const start = this.startOn(date);
    return start && this.slot(date, start);
  }

  /** The first `count` sessions starting at or after `from`. */
  from(from: Date, count: number): SessionSlot[] {
    const slots: SessionSlot[] = [];
    let day: CivilDate = localTime(from, this.timeZone);
    let searched = 0;
    while (slots.length < count) {
      const start = this.startOn(day);
      if (start && start.getTime() >= from.getTime()) {
        slots.push(this.slot(day, start));
        searched = 0;
      } else if (++searched > MAX_GAP_DAYS) {
        throw new Error(`the reading schedule "${this.cron}" has no session within ${MAX_GAP_DAYS} days`);
      }
      day = addDays(day, 1);
    }
    return slots;
  }

  /** The session whose post is due at `at`: it has started and its week is still current. */
  dueAt(at: Date): SessionSlot | undefined {
    let day: CivilDate = localTime(at, this.timeZone);
    for (let i = 0; i <= MAX_GAP_DAYS; i++, day = addDays(day, -1)) {
      const start = this.startOn(day);
      if (!start || start.getTime() > at.getTime()) continue;
      const slot = this.slot(day, start);
      return at.getTime() < slot.currentUntil.getTime() ? slot : undefined;
    }
    return undefined;
  }

  private slot(date: CivilDate, startsAt: Date): SessionSlot {
    let next = addDays(date, 1);
    for (let i = 0; !this.startOn(next); i++, next = addDays(next, 1)) {
      if (i > MAX_GAP_DAYS) throw new Error(`the reading schedule "${this.cron}" has no session within ${MAX_GAP_DAYS} days`);
    }
    return {
      id: formatCivil(date),
      date: { year: date.year, month: date.month, day: date.day },
      week: isoWeek(date),
      startsAt,
      local: localTime(startsAt, this.timeZone),
      currentUntil: zonedInstant({ ...next, hour: 0, minute: 0, second: 0 }, this.timeZone),
    };
  }

  /** The day's first matching time that exists on the local clock (not in a skipped DST hour). */
  private startOn(date: CivilDate): Date | undefined {
    if (!this.dayFilter(date)) return undefined;
    for (const time of this.times) {
      const local = { year: date.year, month: date.month, day: date.day, ...time };
      const instant = zonedInstant(local, this.timeZone);
      const back = localTime(instant, this.timeZone);
      if (back.day === date.day && back.hour === time.hour && back.minute === time.minute && this.matches(instant)) return instant;
    }
    return undefined;
  }
}

/** node-cron's matcher for an expression in a zone; the task is created only to match, never started. */
function cronMatcher(expression: string, timeZone: string): (instant: Date) => boolean {
  const task = cron.createTask(expression, () => undefined, { timezone: timeZone });
  void task.destroy();
  return (instant) => task.match(instant);
}

/** The cron's times of day (ascending) and a quick day pre-check; node-cron's matcher has the last word. */
function cronFields(expression: string): { hour: number[]; minute: number[]; second: number[]; dayFilter: (d: CivilDate) => boolean } {
  const f = cron.parse(expression);
  // Special day tokens (L, 1#2) are strings: then only node-cron's matcher decides.
  const numbers = (values: Array<number | string>) => {
    const plain = values.filter((v): v is number => typeof v === "number");
    return plain.length === values.length ? new Set(plain) : undefined;
  };
  const asc = (values: number[]) => [...values].sort((a, b) => a - b);
  const months = new Set(f.month);
  const days = numbers(f.dayOfMonth);
  const weekdays = numbers(f.dayOfWeek);
  return {
    hour: asc(f.hour),
    minute: asc(f.minute),
    second: asc(f.second),
    dayFilter: (d) => months.has(d.month) && (!days || days.has(d.day)) && (!weekdays || weekdays.has(weekday(d))),
  };
}
