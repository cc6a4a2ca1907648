import type { Paper } from "../../papers/index.js";
import { findMember, isActive, type Member } from "../../reading/roster.js";
import type { SessionSlot } from "../../reading/session-calendar.js";
import { sessionDate } from "../../reading/session-reply.js";
import { addDays, isoWeek, parseCivil, weekday, type CivilDate } from "../../papers/zoned-time.js";
import { errorReply, type Reply } from "../../replies/reply.js";
import { resolvePaper } from "../../search/resolve.js";
import { severalPapers } from "../several-papers.js";
import type { CommandContext } from "../context.js";
import { parseUserRef, text } from "../options.js";

/** Either the value a command asked for, or the reply explaining why there is none. */
export type Found<T> = { ok: true; value: T } | { ok: false; reply: Reply };
const found = <T>(value: T): Found<T> => ({ ok: true, value });
const fail = <T>(reply: Reply): Found<T> => ({ ok: false, reply });

export const weekOption = () => text({ description: "Session date (2026-12-07) or ISO week (2026-W50); default: the next session", max: 12 }).optional();
export const memberOption = (description: string) => text({ description, max: 60, autocomplete: "reporters" });
export const paperOption = (description: string) => text({ description, max: 100, autocomplete: "papers" });

/** How many ISO weeks a year has (52 or 53): the week of 28 December, which is always in the year's last week. */
function isoWeeksIn(year: number): number {
  return Number(isoWeek({ year, month: 12, day: 28 }).slice(6));
}

/** Monday of an ISO week. */
function isoWeekMonday(year: number, week: number): CivilDate {
  const jan4 = { year, month: 1, day: 4 };
  return addDays(jan4, -((weekday(jan4) + 6) % 7) + 7 * (week - 1));
}

/** The session a `week` option means (default: the next one to post), if it can still be changed. */
export function resolveWeek(ctx: CommandContext, value: string | undefined): Found<SessionSlot> {
  const { reading, now } = ctx.services;
  const at = now();
  const upcoming = () => reading.upcomingSlots(at, 3).map((s) => s.id).join(", ");
  const slot = findWeek(ctx, value);
  if (!slot.ok) return slot;
  if (!reading.changeable(slot.value, at)) {
    return fail(errorReply("invalid", `The session of ${sessionDate(slot.value, reading.timeZone)} was already posted or is over; it can no longer be changed.`, `Upcoming sessions: ${upcoming()}`));
  }
  return slot;
}

/** The session a `week` option means, past or upcoming (default: the next one to post). */
export function findWeek(ctx: CommandContext, value: string | undefined): Found<SessionSlot> {
  const { reading, now } = ctx.services;
  const at = now();
  const upcoming = () => reading.upcomingSlots(at, 3).map((s) => s.id).join(", ");
  if (value === undefined || value.toLowerCase() === "next") return found(reading.nextSlot(at));
  let slot: SessionSlot | undefined;
  const iso = /^(\d{4})-?W(\d{1,2})$/i.exec(value);
  if (iso) {
    const [year, week] = [Number(iso[1]), Number(iso[2])];
    const weeks = isoWeeksIn(year);
    if (week < 1 || week > weeks) {
      return fail(errorReply("invalid", `week: ${value} does not exist: ${year} has ISO weeks 1 to ${weeks} (${year}-W01 … ${year}-W${weeks}).`, `Upcoming sessions: ${upcoming()}`));
    }
    const monday = isoWeekMonday(year, week);
    for (let i = 0; i < 7 && !slot; i++) slot = reading.calendar.on(addDays(monday, i));
    if (!slot) return fail(errorReply("not-found", `There is no session in ${value}.`, `Upcoming sessions: ${upcoming()}`));
  } else {
    const date = parseCivil(value);
    if (!date) return fail(errorReply("invalid", `week: "${value}" is not a date like 2026-12-07 or a week like 2026-W50.`));
    slot = reading.calendar.on(date);
    if (!slot) return fail(errorReply("not-found", `There is no session on ${value}.`, `Upcoming sessions: ${upcoming()}`));
  }
  return found(slot);
}

/** The member a name (any casing) or a linked user mention means; only members in the rotation unless `anyStatus`. */
export function resolveMember(ctx: CommandContext, value: string, anyStatus = false): Found<Member> {
  const { reading, store } = ctx.services;
  const roster = reading.roster();
  const userId = parseUserRef(value);
  const linked = userId ? store.reading.members.linkedMember(ctx.platform, userId) : undefined;
  const member = linked ? roster.find((m) => m.key === linked) : findMember(roster, value);
  if (!member || (!anyStatus && !isActive(member))) {
    const names = roster.filter(isActive).map((m) => m.name).join(", ");
    return fail(errorReply("not-found", `"${value}" is not a member of the reading group.`, names ? `Members: ${names}` : "The group has no members yet."));
  }
  return found(member);
}

/** The member the caller is, by their chat user's link on this platform. */
export function callerMember(ctx: CommandContext): Member | undefined {
  const key = ctx.services.store.reading.members.linkedMember(ctx.platform, ctx.user.id);
  return key === undefined ? undefined : ctx.services.reading.roster().find((m) => m.key === key);
}

/** One paper of the list a query means, or why not (several close, or none). */
export function resolvePaperArg(ctx: CommandContext, query: string): Found<Paper> {
  const result = resolvePaper(ctx.services.catalog.index, query);
  if (result.kind === "one") return found(result.paper);
  if (result.kind === "several") return fail(severalPapers(null, query, result.hits.map((h) => h.paper)));
  return fail(errorReply("not-found", `No paper matches "${query}".`, result.suggestions.length > 0 ? `Did you mean: ${result.suggestions.map((p) => p.name).join(", ")}?` : undefined));
}

/** "Next: Mon 7 Dec 2026, 09:00 (UTC): hzq presents ExoFlow." for the end of a change's notice. */
export function nextLine(ctx: CommandContext): string {
  const { reading, now } = ctx.services;
  const [next] = reading.upcoming(now(), 1);
  if (!next) return "";
  const when = sessionDate(next.slot, reading.timeZone);
  if (next.skipped) return ` Next: ${when}: skipped.`;
  if (!next.presenter) return ` Next: ${when}: nobody is available to present.`;
  return ` Next: ${when}: ${next.presenter.name} presents ${next.paper ? next.paper.name : "a paper of their choice"}.`;
}
