import { getVtimezoneComponent } from "@touch4it/ical-timezones";
import ICAL from "ical.js";
import { stripControlChars } from "../papers/index.js";
import { cardTitle } from "../replies/plain-text.js";
import type { SessionSlot } from "./session-calendar.js";
import type { SessionReply } from "./session-reply.js";
import { localTime } from "../papers/zoned-time.js";

/** A session as the calendar shows it: its slot and the reply the weekly job posts. */
export interface CalendarSession {
  slot: SessionSlot;
  reply: SessionReply;
  skipped: boolean;
  /** The slides or notes attached with `reading slides`. */
  slides?: string;
}

export const SESSION_MINUTES = 60;
const UTC_ZONES = new Set(["UTC", "Etc/UTC", "Etc/GMT", "GMT", "Etc/Universal", "Etc/Zulu"]);

// ical.js folds a line's content at `foldLength` octets and then prefixes the
// continuation with a space; 74 keeps every line within RFC 5545's 75 octets.
ICAL.foldLength = 74;

const clean = (text: string) => stripControlChars(text);

/** The zone's VTIMEZONE, if the bundled definitions have it and they agree with Intl on every session. */
function zoneFor(timeZone: string, sessions: CalendarSession[]): { component: ICAL.Component; zone: ICAL.Timezone } | undefined {
  if (UTC_ZONES.has(timeZone)) return undefined;
  const text = getVtimezoneComponent(timeZone);
  if (!text) return undefined;
  const component = new ICAL.Component(ICAL.parse(text));
  const zone = new ICAL.Timezone(component);
  const agrees = sessions.every(({ slot }) => ICAL.Time.fromData({ ...slot.local, isDate: false }, zone).toJSDate().getTime() === slot.startsAt.getTime());
  return agrees ? { component, zone } : undefined;
}

function timeProperty(event: ICAL.Component, name: string, instant: Date, timeZone: string, zone: ICAL.Timezone | undefined): void {
  if (!zone) {
    event.addPropertyWithValue(name, ICAL.Time.fromJSDate(instant, true));
    return;
  }
  const property = event.addPropertyWithValue(name, ICAL.Time.fromData({ ...localTime(instant, timeZone), isDate: false }, zone));
  property.setParameter("tzid", timeZone);
}

function summary(reply: CalendarSession["reply"]): string {
  if (!reply.presenter) return "Reading group: presenter to be decided";
  if (!reply.card) return `Reading group: ${reply.presenter.name} (presenter's choice)`;
  return `Reading group: ${reply.presenter.name} presents ${reply.card.name}`;
}

function description({ reply, slides }: CalendarSession): string {
  const lines = [`Presenter: ${reply.presenter?.name ?? "to be decided"}`];
  if (reply.card) {
    lines.push(cardTitle(reply.card));
    for (const link of reply.card.links) lines.push(`${link.label}: ${link.url}`);
  }
  if (reply.note) lines.push(reply.note);
  if (slides) lines.push(`Slides: ${slides}`);
  return lines.join("\n");
}

/**
 * The schedule as an iCalendar file (RFC 5545): one VEVENT per session (skipped
 * weeks have none) with a UID stable per session date, so a re-import updates
 * events instead of doubling them; times carry the group's TZID with its
 * VTIMEZONE, or are in UTC when the zone is UTC or has no bundled definition.
 */
export function scheduleIcs(sessions: CalendarSession[], timeZone: string, now: Date): string {
  const held = sessions.filter((s) => !s.skipped);
  const tz = zoneFor(timeZone, held);
  const calendar = new ICAL.Component("vcalendar");
  calendar.addPropertyWithValue("prodid", "-//mss-bot//Reading group//EN");
  calendar.addPropertyWithValue("version", "2.0");
  calendar.addPropertyWithValue("calscale", "GREGORIAN");
  calendar.addPropertyWithValue("method", "PUBLISH");
  calendar.addPropertyWithValue("x-wr-calname", "MSS-Papers reading group");
  calendar.addPropertyWithValue("x-wr-timezone", timeZone);
  if (tz) calendar.addSubcomponent(tz.component);
  for (const session of held) {
    const { slot, reply } = session;
    const event = new ICAL.Component("vevent");
    event.addPropertyWithValue("uid", `reading-${slot.id}@mss-bot`);
    event.addPropertyWithValue("dtstamp", ICAL.Time.fromJSDate(now, true));
    timeProperty(event, "dtstart", slot.startsAt, timeZone, tz?.zone);
    timeProperty(event, "dtend", new Date(slot.startsAt.getTime() + SESSION_MINUTES * 60_000), timeZone, tz?.zone);
    event.addPropertyWithValue("summary", clean(summary(reply)));
    event.addPropertyWithValue("description", clean(description(session)));
    const url = reply.card?.links.find((l) => l.kind === "paper")?.url;
    if (url) event.addPropertyWithValue("url", url);
    calendar.addSubcomponent(event);
  }
  return `${calendar.toString()}\r\n`;
}
