import type { Job } from "../jobs/job-runner.js";
import type { Paper } from "../papers/index.js";
import type { Reply, ReplyAction } from "../replies/reply.js";
import type { PollRow } from "../store/reading-poll-repo.js";
import type { Store } from "../store/store.js";
import type { ReadingService } from "./reading-service.js";
import type { SessionSlot } from "./session-calendar.js";
import { sessionDate } from "./session-reply.js";
import { channelDeliveryKey, voteClosedKey, voteKey, voteResultKey } from "../papers/delivery-keys.js";
import { post } from "../posting/posting.js";
import { queueSessionPost } from "./threads.js";
import { heldElsewhere } from "./vote-conflicts.js";
import { formatLocal, localTime, parseCivil } from "../papers/zoned-time.js";

/** Papers a poll offers at most: the oldest of the group queue. */
export const POLL_CHOICES = 5;
/** A poll closes this long before its session unless told otherwise. */
export const DEFAULT_CLOSE_BEFORE_MS = 24 * 3_600_000;

export type VoteOutcome<T> = { ok: true; value: T } | { ok: false; text: string; hint?: string };
const refuse = <T>(text: string, hint?: string): VoteOutcome<T> => (hint === undefined ? { ok: false, text } : { ok: false, text, hint });

export const ballotAction = (date: string, paperId: string, name: string): ReplyAction => ({ label: name, link: { command: "reading ballot", args: { paper: paperId, week: date } } });

export const when = (reading: ReadingService, iso: string): string => `${formatLocal(localTime(new Date(iso), reading.timeZone))} (${reading.timeZone})`;

/**
 * Opens a poll on a session's paper over the oldest papers of the group queue,
 * closing `hours` from now or, by default, a day before the session; the poll
 * (a button per paper) goes to the session's thread, or the reading channels
 * before the post. One poll per session.
 */
export function openPoll(
  reading: ReadingService,
  store: Store,
  slot: SessionSlot,
  hours: number | undefined,
  by: string,
  at: Date,
): VoteOutcome<{ poll: PollRow; queued: number; notOffered: string[] }> {
  const label = `${sessionDate(slot, reading.timeZone)} (${slot.week})`;
  if (slot.startsAt.getTime() <= at.getTime()) return refuse(`The session of ${label} has started; it can no longer be voted on.`);
  const row = store.reading.sessions.get(slot.id);
  if (row?.status === "skipped" || reading.upcoming(at, 60).find((s) => s.slot.id === slot.id)?.skipped) return refuse(`The week of ${label} is skipped.`);
  const existing = store.reading.polls.get(slot.id);
  if (existing) return refuse(`The session of ${label} already has a vote (${existing.status === "open" ? `open until ${when(reading, existing.closesAt)}` : "closed"}).`, existing.status === "open" ? "reading vote close ends it now." : undefined);
  const input = reading.input();
  const papers = new Map(input.papers.map((p) => [p.id, p]));
  const held = heldElsewhere(reading, store, slot.id, at, true);
  const free = input.groupQueue.filter((id) => !input.taken.has(id) && papers.has(id));
  const choices = free.filter((id) => !held.has(id)).slice(0, POLL_CHOICES).map((id) => ({ paperId: id, name: papers.get(id)?.name ?? id }));
  const notOffered = free.filter((id) => held.has(id)).map((id) => `${papers.get(id)?.name ?? id} (${held.get(id)})`);
  if (choices.length === 0 && notOffered.length > 0) {
    return refuse(`Every paper of the group queue is taken by another week: ${notOffered.join(", ")}.`, "reading queue add <paper> suggests another one.");
  }
  if (choices.length === 0) return refuse("The group queue is empty: there is nothing to vote on.", "reading queue add <paper> suggests one.");
  const closes = hours === undefined ? slot.startsAt.getTime() - DEFAULT_CLOSE_BEFORE_MS : at.getTime() + hours * 3_600_000;
  if (closes <= at.getTime()) return refuse(`A day before the session of ${label} has passed.`, "Give the vote's length: reading vote <week> <hours>.");
  if (closes > slot.startsAt.getTime()) return refuse(`The vote would close after the session of ${label} starts.`, "Give fewer hours.");
  const iso = at.toISOString();
  return store.transaction(() => {
    store.reading.polls.open({ date: slot.id, choices, closesAt: new Date(closes).toISOString(), openedBy: by, openedAt: iso });
    const poll = store.reading.polls.get(slot.id) as PollRow;
    const text = `Vote for the paper of ${label}, from the group queue: one vote each, changeable until ${when(reading, poll.closesAt)}.`;
    const actions = choices.map((c) => ballotAction(slot.id, c.paperId, c.name));
    return { ok: true as const, value: { poll, notOffered, queued: queueSessionPost(reading.places(), store, slot.id, voteKey(slot.id), { kind: "notice", text, actions }, iso) } };
  });
}

/** One vote per chat user (platform and user id), changeable while the poll is open. */
export function castVote(store: Store, poll: PollRow, who: { platform: string; userId: string; userName: string }, paperId: string, at: Date): VoteOutcome<{ previous: string | undefined }> {
  if (poll.status !== "open" || Date.parse(poll.closesAt) <= at.getTime()) return refuse("This vote is closed.", `reading ballot week:${poll.date} shows how it ended.`);
  if (!poll.choices.some((c) => c.paperId === paperId)) return refuse(`That paper is not on this vote; the choices: ${poll.choices.map((c) => c.name).join(", ")}.`);
  const previous = store.reading.polls.vote({ date: poll.date, platform: who.platform, userId: who.userId, userName: who.userName, paperId, votedAt: at.toISOString() });
  return { ok: true, value: { previous } };
}

/** Votes per choice, in the poll's (queue) order. */
export function tally(store: Store, poll: PollRow): Array<{ paperId: string; name: string; votes: number }> {
  const votes = store.reading.polls.votes(poll.date);
  return poll.choices.map((c) => ({ ...c, votes: votes.filter((v) => v.paperId === c.paperId).length }));
}

/**
 * Closes a poll: the most votes wins, a tie going to the paper longest in the
 * queue; a paper assigned to another session since the vote opened keeps that
 * assignment and the next paper with votes wins instead (said in the result).
 * The winner is assigned to the session as `reading assign` does (or, when the
 * session is posted already, its post is edited to the paper), the paper it
 * replaces named, and the result posted in the session's thread. Closing twice
 * does nothing.
 */
export function closePoll(reading: ReadingService, store: Store, poll: PollRow, at: Date): { text: string; queued: number } | undefined {
  const iso = at.toISOString();
  return store.transaction(() => {
    const counts = tally(store, poll);
    const held = heldElsewhere(reading, store, poll.date, at, false);
    // Most votes first; sort is stable, so a tie keeps queue order.
    const ranked = counts.filter((c) => c.votes > 0).sort((a, b) => b.votes - a.votes);
    const passed = ranked.filter((c) => held.has(c.paperId) && c.votes >= (ranked.find((r) => !held.has(r.paperId))?.votes ?? 0));
    const top = ranked.find((c) => !held.has(c.paperId));
    if (!store.reading.polls.close(poll.date, top?.paperId ?? null, iso)) return undefined;
    const day = parseCivil(poll.date);
    const slot = day ? reading.calendar.on(day) : undefined;
    const total = counts.reduce((n, c) => n + c.votes, 0);
    const label = slot ? `${sessionDate(slot, reading.timeZone)} (${slot.week})` : poll.date;
    const tallyText = `${total} vote${total === 1 ? "" : "s"} (${counts.map((c) => `${c.name} ${c.votes}`).join(", ")})`;
    const kept = passed.map((c) => `${c.name} has ${c.votes} but stays ${held.get(c.paperId)}`).join("; ");
    let text: string;
    if (total === 0 || !slot) text = `The vote for ${label} closed with no votes; the rotation decides the paper.`;
    else if (!top) text = `The vote for ${label} is closed with ${tallyText}: ${kept}; no other paper got a vote, so the rotation decides the paper.`;
    else {
      const paper = reading.input().papers.find((p) => p.id === top.paperId);
      const assigned = paper ? assign(reading, store, slot, paper, at) : "it is no longer in the list";
      const instead = kept === "" ? "" : ` (${kept})`;
      text = `The vote for ${label} is closed: ${top.name} wins with ${top.votes} of ${tallyText}${instead}; ${assigned}.`;
    }
    const queued = queueSessionPost(reading.places(), store, poll.date, voteResultKey(poll.date), { kind: "notice", text }, iso);
    return { text, queued: queued + closeButtons(reading, store, poll.date, top?.name, iso) };
  });
}

/** Edits the poll's messages to say it is closed, without their buttons. Returns how many edits were queued. */
function closeButtons(reading: ReadingService, store: Store, date: string, winner: string | undefined, at: string): number {
  const poll = store.announcements.byKey(voteKey(date));
  if (!poll || poll.reply.kind !== "notice") return 0;
  const reply: Reply = { kind: "notice", text: `${poll.reply.text} Closed: ${winner === undefined ? "no votes" : `${winner} won`}.` };
  let queued = 0;
  for (const place of reading.channels()) {
    if (!store.outbox.find(poll.id, place.platform, place.channelId)) continue;
    const key = voteClosedKey(date, place);
    const edit = { ...place, key, target: { kind: "edit" as const, parentKey: channelDeliveryKey(voteKey(date), place) } };
    queued += post(store, { key, source: "reading", kind: "session", paperId: null, reply }, [edit], at).queued.length;
  }
  return queued;
}

/**
 * The winner to its session: an assignment before the post, the posted
 * session's paper after it. Only this session's own paper is replaced, and the
 * result names it; no other session's assignment is touched.
 */
function assign(reading: ReadingService, store: Store, slot: SessionSlot, paper: Paper, at: Date): string {
  const { sessions } = store.reading;
  const nameOf = (id: string | null | undefined) => (id ? (reading.input().papers.find((p) => p.id === id)?.name ?? id) : undefined);
  const row = sessions.get(slot.id);
  if (row) {
    const before = row.paperId !== paper.id ? nameOf(row.paperId) : undefined;
    if (!reading.assignPosted(slot, paper, at)) return "the session had already started, so it stays as it was";
    return `the session's post now shows it${before ? ` in place of ${before}` : ""}`;
  }
  const own = sessions.overrides().find((o) => o.kind === "assign" && o.date === slot.id);
  sessions.setOverride({ date: slot.id, kind: "assign", memberKey: own?.memberKey ?? "", paperId: paper.id, createdBy: "vote" }, at.toISOString());
  const replaced = own?.paperId && own.paperId !== paper.id ? ` in place of ${nameOf(own.paperId)} (assigned by ${own.createdBy})` : "";
  return `it is assigned to ${sessionDate(slot, reading.timeZone)}${replaced}`;
}

/** Closes every open poll whose deadline has come; returns what each said. */
export function closeDuePolls(reading: ReadingService, store: Store, at: Date): Array<{ date: string; text: string; queued: number }> {
  return store.reading.polls
    .openPolls()
    .filter((p) => Date.parse(p.closesAt) <= at.getTime())
    .flatMap((p) => {
      const closed = closePoll(reading, store, p, at);
      return closed ? [{ date: p.date, ...closed }] : [];
    });
}

/** The vote job: every minute (and at start-up, so a deadline passed while the bot was down closes then), closes the polls due. */
export function voteJob(services: { reading: ReadingService; store: Store; now: () => Date }): Job {
  return {
    name: "reading-vote",
    schedule: "* * * * *",
    async run() {
      const closed = closeDuePolls(services.reading, services.store, services.now());
      return closed.length === 0 ? "no vote due" : `votes closed: ${closed.map((c) => c.date).join(", ")}`;
    },
  };
}
