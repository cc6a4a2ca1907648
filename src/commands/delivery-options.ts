import { z } from "zod";
import type { Platform } from "../replies/reply.js";
import { WEEKDAY_NAMES } from "../store/subscription-repo.js";
import { optionRegistry } from "./options.js";

/** `at:` — a time of day on the 24-hour clock: "9:00" reads as "09:00". */
export function clockTime(o: { description: string }) {
  const message = "must be a time of day on the 24-hour clock, like 09:00 or 17:30";
  return z
    .string({ error: message })
    .max(20, message)
    .transform((value, ctx) => {
      const match = /^\s*(\d{1,2})[:h.](\d{2})\s*$/.exec(value);
      const hour = Number(match?.[1]);
      const minute = Number(match?.[2]);
      if (!match || hour > 23 || minute > 59) {
        ctx.addIssue({ code: "custom", message });
        return z.NEVER;
      }
      return `${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}`;
    })
    .register(optionRegistry, { type: "string", description: o.description, minLength: 4, maxLength: 5 });
}

const FULL_DAY_NAMES = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"] as const;

/** "fri" or "Friday" → "fri"; anything else ("satan", "fr") is left as typed, for the enum to refuse. */
function dayWord(value: string): string {
  const word = value.trim().toLowerCase();
  const full = FULL_DAY_NAMES.indexOf(word as (typeof FULL_DAY_NAMES)[number]);
  return full >= 0 ? (WEEKDAY_NAMES[full] as string) : word;
}

/** `day:` — a day of the week: mon … sun, or the day's full English name; nothing else. */
export function weekdayName(o: { description: string }) {
  return z
    .preprocess(
      (v) => (typeof v === "string" ? dayWord(v) : v),
      z.enum(WEEKDAY_NAMES, { error: `must be a day of the week: ${WEEKDAY_NAMES.join(", ")}, or its full name (friday)` }),
    )
    .register(optionRegistry, { type: "string", description: o.description, choices: WEEKDAY_NAMES });
}

/** Words that switch the mention off. */
const NO_MENTION = new Set(["none", "off", "no", "nobody"]);

const DISCORD_ROLE = /^(?:<@&(\d{15,25})>|(\d{15,25}))$/;
// Slack's escaped user group (<!subteam^S123|@name>), or a bare id.
const SLACK_GROUP = /^(?:<!subteam\^(S[A-Z0-9]{2,20})(?:\|[^>]{0,100})?>|(S[A-Z0-9]{2,20}))$/;

/**
 * What `mention:` names on the caller's platform: a Discord role (as the
 * client inserts it, <@&id>, or the id) or a Slack user group (<!subteam^ID>
 * as Slack escapes it, or the id); "none" switches the ping off. A person, a
 * channel, @everyone or @here is refused: only a role is ever pinged.
 */
export function parseMention(platform: Platform, value: string): { ok: true; id: string | null } | { ok: false; message: string } {
  const text = value.trim();
  if (NO_MENTION.has(text.toLowerCase())) return { ok: true, id: null };
  if (platform === "discord") {
    const match = DISCORD_ROLE.exec(text);
    if (match) return { ok: true, id: (match[1] ?? match[2]) as string };
    return { ok: false, message: "mention must be a Discord role: pick it with @ (it arrives as <@&id>) or give the role's id; none switches pings off. Users, @everyone and @here cannot be pinged." };
  }
  if (platform === "slack") {
    const match = SLACK_GROUP.exec(text);
    if (match) return { ok: true, id: (match[1] ?? match[2]) as string };
    return { ok: false, message: "mention must be a Slack user group: @group-name (it arrives as <!subteam^ID>) or its id S…; none switches pings off. Users, @channel and @here cannot be pinged." };
  }
  return { ok: false, message: `mention works on Discord and Slack, not on ${platform}.` };
}

/** "role 123…" / "user group S123": how replies name a mention (never as a live ping). */
export function describeMention(platform: Platform, id: string | null): string {
  if (id === null) return "nobody";
  return platform === "slack" ? `user group ${id}` : `role ${id}`;
}
