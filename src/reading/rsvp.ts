import type { CommandLink } from "../replies/reply.js";
import type { RsvpAnswer } from "../store/reading-rsvp-repo.js";
import type { Store } from "../store/store.js";
import { queuePostEdit } from "./post-edits.js";
import type { ReadingService } from "./reading-service.js";
import type { SessionSlot } from "./session-calendar.js";
import type { SessionReply } from "./session-reply.js";

export const RSVP_LABELS: Record<RsvpAnswer, string> = { going: "Going", "not-going": "Can't make it" };

export const rsvpLink = (date: string, answer: RsvpAnswer): CommandLink => ({ command: "reading rsvp", args: { week: date, answer } });

/** The weekly post with its RSVP buttons, each labelled with its count so far. */
export function withRsvp(reply: SessionReply, date: string, counts: Record<RsvpAnswer, number>): SessionReply {
  const actions = (["going", "not-going"] as const).map((answer) => ({ label: `${RSVP_LABELS[answer]} (${counts[answer]})`, link: rsvpLink(date, answer) }));
  return { ...reply, actions };
}

export interface RsvpWho {
  platform: string;
  userId: string;
  userName: string;
}

export type RsvpResult =
  | { ok: true; previous: RsvpAnswer | undefined; counts: Record<RsvpAnswer, number>; edits: number }
  | { ok: false; why: "started" | "skipped" };

/**
 * A chat user's answer for a session: one per user, changeable until the
 * session starts. The weekly post's counts follow by a (rate-limited) edit.
 */
export function answerRsvp(reading: ReadingService, store: Store, slot: SessionSlot, who: RsvpWho, answer: RsvpAnswer, at: Date): RsvpResult {
  if (slot.startsAt.getTime() <= at.getTime()) return { ok: false, why: "started" };
  const row = store.reading.sessions.get(slot.id);
  const skipped = row ? row.status === "skipped" : reading.upcoming(at, 60).find((s) => s.slot.id === slot.id)?.skipped === true;
  if (skipped) return { ok: false, why: "skipped" };
  return store.transaction(() => {
    const previous = store.reading.rsvps.answer({ date: slot.id, platform: who.platform, userId: who.userId, userName: who.userName, answer, answeredAt: at.toISOString() });
    const edits = previous === answer ? 0 : queuePostEdit(reading, store, slot.id, at);
    return { ok: true as const, previous, counts: store.reading.rsvps.counts(slot.id), edits };
  });
}
