import { closePoll, openPoll, tally, when } from "../../reading/vote.js";
import { sessionDate } from "../../reading/session-reply.js";
import { errorReply, type Reply } from "../../replies/reply.js";
import type { PollRow } from "../../store/reading-poll-repo.js";
import type { CommandContext } from "../context.js";
import { defineCommand } from "../command.js";
import { flag, integer } from "../options.js";
import { findWeek, weekOption } from "./reading-args.js";

/** The poll a command means: the given week's, else the open poll closing first. */
export function pollFor(ctx: CommandContext, week: string | undefined): { ok: true; poll: PollRow } | { ok: false; reply: Reply } {
  const { polls } = ctx.services.store.reading;
  if (week === undefined) {
    const [open] = polls.openPolls();
    return open ? { ok: true, poll: open } : { ok: false, reply: errorReply("not-found", "No vote is open.", "Admins open one with reading vote [week] [hours].") };
  }
  const slot = findWeek(ctx, week);
  if (!slot.ok) return slot;
  const poll = polls.get(slot.value.id);
  return poll ? { ok: true, poll } : { ok: false, reply: errorReply("not-found", `The session of ${slot.value.id} has no vote.`) };
}

export const readingVoteCommand = defineCommand({
  name: "reading vote",
  description: "Open a vote on a week's paper over the group queue (admins); close:yes ends the open vote now.",
  group: "reading",
  admin: true,
  options: {
    week: weekOption(),
    hours: integer({ description: "How long the vote stays open; default: until a day before the session", min: 1, max: 24 * 28 }).optional(),
    close: flag({ description: "Close the week's open vote now and assign the winner" }).optional(),
  },
  positional: ["week", "hours"],
  examples: ["reading vote", "reading vote 2026-W50 48", "reading vote close"],
  run({ week: given, hours, close }, ctx): Reply {
    const { reading, store, now } = ctx.services;
    // "reading vote close" typed: the word is the close flag, not a week.
    const closing = close === true || given?.toLowerCase() === "close";
    const week = given?.toLowerCase() === "close" ? undefined : given;
    if (closing) {
      const found = pollFor(ctx, week);
      if (!found.ok) return found.reply;
      if (found.poll.status === "closed") return errorReply("invalid", `The vote for ${found.poll.date} is already closed.`);
      const closed = closePoll(reading, store, found.poll, now());
      if (!closed) return errorReply("invalid", `The vote for ${found.poll.date} is already closed.`);
      return { kind: "notice", text: closed.text };
    }
    const slot = findWeek(ctx, week);
    if (!slot.ok) return slot.reply;
    const opened = openPoll(reading, store, slot.value, hours, ctx.user.name, now());
    if (!opened.ok) return errorReply("invalid", opened.text, opened.hint);
    const { poll } = opened.value;
    const where = opened.value.queued > 0 ? "posted in the reading channel (the session's thread once it is posted)" : "not posted: no reading channel is set (reading channel)";
    const notOffered = opened.value.notOffered.length > 0 ? ` Not offered, taken by another week: ${opened.value.notOffered.join(", ")}.` : "";
    return {
      kind: "notice",
      text: `Vote open for ${sessionDate(slot.value, reading.timeZone)} (${slot.value.week}) until ${when(ctx.services.reading, poll.closesAt)}: ${poll.choices.map((c) => c.name).join(", ")}; ${where}.${notOffered}`,
      actions: poll.choices.map((c) => ({ label: c.name, link: { command: "reading ballot", args: { paper: c.paperId, week: poll.date } } })),
    };
  },
});

/** `reading vote` as data: the poll and its votes so far (the CLI's --json and `reading ballot` without a paper). */
export function pollSummary(ctx: CommandContext, poll: PollRow): string {
  const counts = tally(ctx.services.store, poll);
  return `${counts.map((c) => `${c.name}: ${c.votes}`).join(", ")}${poll.status === "closed" ? ` (closed${poll.winner ? `; winner: ${poll.choices.find((c) => c.paperId === poll.winner)?.name ?? poll.winner}` : ""})` : ` (open until ${when(ctx.services.reading, poll.closesAt)})`}`;
}
