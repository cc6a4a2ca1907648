import { createHash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { OpsRoute } from "../ports.js";
import type { CalendarSession } from "./ics.js";
import { calendarPath } from "./reading-options.js";
import type { ReadingService } from "./reading-service.js";
import { ICS_FILE_NAME, scheduleSessions, withPast } from "./schedule-view.js";

export const LIVE_UPCOMING = 12;
/** How long a calendar app may keep its copy before asking again (it asks with If-None-Match). */
const MAX_AGE_S = 900;

/** The sessions a subscribed calendar sees: the past 8 posted and the next 12 planned. */
export function liveCalendarSessions(reading: ReadingService, at: Date): CalendarSession[] {
  return withPast(scheduleSessions(reading, at, LIVE_UPCOMING), reading);
}

/**
 * The calendar's version: a hash of what its events say (not of the file, whose
 * DTSTAMP is the time of the request), so a swap or a skip changes it and a
 * refresh without a change gets a 304.
 */
export function calendarEtag(sessions: CalendarSession[], timeZone: string): string {
  const data = sessions.map((s) => [s.slot.id, s.slot.startsAt.toISOString(), s.skipped, s.reply, s.slides ?? null]);
  return `W/"${createHash("sha256").update(JSON.stringify([timeZone, data])).digest("base64url").slice(0, 27)}"`;
}

/** Whether an If-None-Match header names this ETag (weak comparison, lists and * as RFC 9110 says). */
function matches(header: string | string[] | undefined, etag: string): boolean {
  if (header === undefined) return false;
  const bare = (tag: string) => tag.trim().replace(/^W\//, "");
  const tags = (Array.isArray(header) ? header.join(",") : header).split(",").map((t) => t.trim());
  return tags.some((t) => t === "*" || bare(t) === bare(etag));
}

/** GET /reading.ics (or /reading/<token>.ics): the schedule as a live iCalendar feed. */
export function calendarRoute(reading: ReadingService, now: () => Date): OpsRoute {
  const token = reading.options.calendarToken;
  return {
    path: calendarPath(token),
    method: "GET",
    handler(req: IncomingMessage, res: ServerResponse) {
      const at = now();
      serve(reading, at, req, res, token !== undefined).catch((error: unknown) => {
        if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
        res.end(`calendar failed: ${error instanceof Error ? error.message : String(error)}`);
      });
    },
  };
}

async function serve(reading: ReadingService, at: Date, req: IncomingMessage, res: ServerResponse, secret: boolean): Promise<void> {
  const sessions = liveCalendarSessions(reading, at);
  const etag = calendarEtag(sessions, reading.timeZone);
  const headers = {
    etag,
    // A secret calendar stays out of shared caches.
    "cache-control": `${secret ? "private" : "public"}, max-age=${MAX_AGE_S}, must-revalidate`,
  };
  if (matches(req.headers["if-none-match"], etag)) return void res.writeHead(304, headers).end();
  const { scheduleIcs } = await import("./ics.js");
  const body = scheduleIcs(sessions, reading.timeZone, at);
  res
    .writeHead(200, {
      ...headers,
      "content-type": "text/calendar; charset=utf-8",
      "content-disposition": `inline; filename="${ICS_FILE_NAME}"`,
      "content-length": Buffer.byteLength(body),
    })
    .end(req.method === "HEAD" ? undefined : body);
}
