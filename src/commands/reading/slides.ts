import { z } from "zod";
import type { SessionSlot } from "../../reading/session-calendar.js";
import { sessionDate } from "../../reading/session-reply.js";
import { queueSlidesPost } from "../../reading/threads.js";
import { parseCivil } from "../../reading/zoned-time.js";
import { errorReply, type Reply } from "../../replies/reply.js";
import type { CommandContext } from "../context.js";
import { defineCommand } from "../command.js";
import { text } from "../options.js";
import { callerMember, findWeek, type Found, weekOption } from "./reading-args.js";

const MAX_URL = 500;
const httpUrl = z.url({ protocol: /^https?$/ });

/** Slack wraps links as <https://…> or <https://…|label>; the bare URL is what counts. */
const bareUrl = (value: string): string => /^<([^|>]+)(?:\|[^>]*)?>$/.exec(value)?.[1] ?? value;

/** The session slides belong to: the given week, or the session most recently posted (else the next). */
function sessionFor(ctx: CommandContext, week: string | undefined): Found<SessionSlot> {
  if (week !== undefined) return findWeek(ctx, week);
  const last = ctx.services.store.reading.sessions.all().at(-1);
  const date = last ? parseCivil(last.date) : undefined;
  const slot = date ? ctx.services.reading.calendar.on(date) : undefined;
  return slot ? { ok: true, value: slot } : findWeek(ctx, undefined);
}

/** Who presents a session: as posted, or as planned now. */
function presenterKey(ctx: CommandContext, slot: SessionSlot): string | null {
  const { reading, store, now } = ctx.services;
  const row = store.reading.sessions.get(slot.id);
  if (row) return row.presenterKey;
  return reading.upcoming(now(), 60).find((s) => s.slot.id === slot.id)?.presenter?.key ?? null;
}

export const readingSlidesCommand = defineCommand({
  name: "reading slides",
  description: "Attach slides or notes (a link) to a session (its presenter or an admin); default: the latest.",
  group: "reading",
  options: {
    url: text({ description: "Link to the slides or notes (http or https)", max: MAX_URL }),
    week: weekOption(),
  },
  positional: ["url", "week"],
  examples: ["reading slides https://example.org/alpaserve.pdf", "reading slides https://example.org/hyrax.pdf week:2026-W50"],
  run({ url: given, week }, ctx): Reply {
    const url = bareUrl(given);
    if (!httpUrl.safeParse(url).success) return errorReply("invalid", `url: "${given}" is not an http(s) link.`, "Give a link like https://example.org/slides.pdf");
    const slot = sessionFor(ctx, week);
    if (!slot.ok) return slot.reply;
    const { reading, store, now } = ctx.services;
    const presenter = presenterKey(ctx, slot.value);
    if (!ctx.user.isAdmin && (presenter === null || callerMember(ctx)?.key !== presenter)) {
      return errorReply("forbidden", "Only the session's presenter or an admin can attach its slides.", "Presenters link themselves first: reading link <your name> <your mention>");
    }
    const at = now().toISOString();
    const text = `Slides for ${sessionDate(slot.value, reading.timeZone)} (${slot.value.week}): ${url}`;
    store.reading.sessions.setSlides({ date: slot.value.id, url, addedBy: ctx.user.name, addedAt: at });
    if (queueSlidesPost(reading, store, slot.value.id, url, `${text} (from ${ctx.user.name})`, at) > 0) void ctx.services.deliverer.deliverDue();
    return { kind: "notice", text };
  },
});
