import type { DeliveryPlace } from "../papers/delivery-keys.js";
import type { RsvpAnswer } from "../store/reading-rsvp-repo.js";
import type { Store } from "../store/store.js";
import { queuePostEdit } from "./post-edits.js";
import type { SessionSlot } from "./session-calendar.js";

export interface RsvpWho {
  platform: string;
  userId: string;
  userName: string;
}

/** What an answer needs of the reading group: its channels (whose posts show the counts), and whether a session not yet posted is planned as skipped. */
export interface RsvpSession {
  channels: readonly DeliveryPlace[];
  plannedSkipped: () => boolean;
}

export type RsvpResult =
  | { ok: true; previous: RsvpAnswer | undefined; counts: Record<RsvpAnswer, number>; edits: number }
  | { ok: false; why: "started" | "skipped" };

/**
 * A chat user's answer for a session: one per user, changeable until the
 * session starts. The weekly post's counts follow by a (rate-limited) edit.
 */
export function answerRsvp(session: RsvpSession, store: Store, slot: SessionSlot, who: RsvpWho, answer: RsvpAnswer, at: Date): RsvpResult {
  if (slot.startsAt.getTime() <= at.getTime()) return { ok: false, why: "started" };
  const row = store.reading.sessions.get(slot.id);
  const skipped = row ? row.status === "skipped" : session.plannedSkipped();
  if (skipped) return { ok: false, why: "skipped" };
  return store.transaction(() => {
    const previous = store.reading.rsvps.answer({ date: slot.id, platform: who.platform, userId: who.userId, userName: who.userName, answer, answeredAt: at.toISOString() });
    const edits = previous === answer ? 0 : queuePostEdit(session.channels, store, slot.id, at);
    return { ok: true as const, previous, counts: store.reading.rsvps.counts(slot.id), edits };
  });
}
