import type { CommandLink } from "../replies/reply.js";
import type { RsvpAnswer } from "../store/reading-rsvp-repo.js";
import type { SessionReply } from "./session-reply.js";

export const RSVP_LABELS: Record<RsvpAnswer, string> = { going: "Going", "not-going": "Can't make it" };

export const rsvpLink = (date: string, answer: RsvpAnswer): CommandLink => ({ command: "reading rsvp", args: { week: date, answer } });

/** The weekly post with its RSVP buttons, each labelled with its count so far. */
export function withRsvp(reply: SessionReply, date: string, counts: Record<RsvpAnswer, number>): SessionReply {
  const actions = (["going", "not-going"] as const).map((answer) => ({ label: `${RSVP_LABELS[answer]} (${counts[answer]})`, link: rsvpLink(date, answer) }));
  return { ...reply, actions };
}
