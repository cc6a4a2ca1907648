import { z } from "zod";
import type { SessionSlot } from "../../reading/session-calendar.js";
import { sessionDate } from "../../reading/session-reply.js";
import { queueSlidesPost } from "../../reading/threads.js";
import { parseCivil } from "../../papers/zoned-time.js";
import { errorReply, type Reply } from "../../replies/reply.js";
import type { CommandContext } from "../context.js";
import { defineCommand } from "../command.js";
import { text } from "../options.js";
import { callerMember, findWeek, type Found, weekOption } from "./reading-args.js";

const MAX_URL = 500;
const httpUrl = z.url({ protocol: /^https?$/ });

// A host name of dot-separated labels ending in a top-level domain of letters (example.org, slides.univ.edu).
const HOST_NAME = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/**
 * An http(s) link to a real host: no user or password part (https://@everyone
 * would read as the host "everyone"), a host name with a domain, or an IP address.
 */
function isWebLink(value: string): boolean {
  if (!httpUrl.safeParse(value).success) return false;
  const url = new URL(value);
  if (url.username !== "" || url.password !== "" || /^[a-z]+:\/\/[^/?#]*@/i.test(value)) return false;
  const host = url.hostname.replace(/\.$/, "");
  return HOST_NAME.test(host) || /^\d{1,3}(?:\.\d{1,3}){3}$/.test(host) || host.startsWith("[");
}

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

/** Whether a session takes place (or took place): posted and held, or planned and not skipped. */
function sessionHeld(ctx: CommandContext, slot: SessionSlot): "held" | "skipped" | "none" {
  const { reading, store, now } = ctx.services;
  const row = store.reading.sessions.get(slot.id);
  if (row) return row.status === "skipped" ? "skipped" : "held";
  const planned = reading.upcoming(now(), 60).find((s) => s.slot.id === slot.id);
  if (!planned) return "none";
  return planned.skipped ? "skipped" : "held";
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
    if (!isWebLink(url)) return errorReply("invalid", `url: "${given}" is not an http(s) link to a web site.`, "Give a link like https://example.org/slides.pdf");
    const slot = sessionFor(ctx, week);
    if (!slot.ok) return slot.reply;
    const { reading, store, now } = ctx.services;
    const held = sessionHeld(ctx, slot.value);
    if (held !== "held") {
      const when = `${sessionDate(slot.value, reading.timeZone)} (${slot.value.week})`;
      const why = held === "skipped" ? `There is no session on ${when}: it is skipped.` : `There was no session on ${when}: the bot never posted it.`;
      return errorReply("invalid", `${why} Slides go with a session that takes place.`);
    }
    const presenter = presenterKey(ctx, slot.value);
    if (!ctx.user.isAdmin && (presenter === null || callerMember(ctx)?.key !== presenter)) {
      return errorReply("forbidden", "Only the session's presenter or an admin can attach its slides.", "Presenters link themselves first: reading link <your name> <your mention>");
    }
    const at = now().toISOString();
    const text = `Slides for ${sessionDate(slot.value, reading.timeZone)} (${slot.value.week}): ${url}`;
    store.reading.sessions.setSlides({ date: slot.value.id, url, addedBy: ctx.user.name, addedAt: at });
    queueSlidesPost(reading.places(), store, slot.value.id, url, `${text} (from ${ctx.user.name})`, at);
    return { kind: "notice", text };
  },
});
