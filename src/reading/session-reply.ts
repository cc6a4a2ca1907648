import type { Tag } from "../papers/index.js";
import { PLATFORMS } from "../papers/platforms.js";
import { NO_RECORDS, type PaperRecords } from "../papers/record.js";
import { toCard } from "../replies/paper-card.js";
import type { Reply, SessionPresenter } from "../replies/reply.js";
import type { LinkRow } from "../store/reading-member-repo.js";
import type { PlannedSession } from "./rotation.js";
import type { SessionSlot } from "./session-calendar.js";
import { formatLocal } from "../papers/zoned-time.js";

export type SessionReply = Extract<Reply, { kind: "session" }>;


/** "Mon 7 Dec 2026, 09:00 (Europe/Berlin)". */
export const sessionDate = (slot: SessionSlot, timeZone: string): string => `${formatLocal(slot.local)} (${timeZone})`;

/** Why the session looks the way it does, in one line; undefined when the rotation simply took its course. */
export function sessionNote(planned: PlannedSession): string | undefined {
  if (planned.skipped) return "No session this week (skipped); the rotation does not move.";
  const parts: string[] = [];
  if (planned.absent.length > 0) parts.push(`${planned.absent.map((m) => m.name).join(", ")} ${planned.absent.length === 1 ? "is" : "are"} away.`);
  if (planned.assignedPresenter && planned.presenter) parts.push(`${planned.presenter.name} presents by assignment.`);
  if (!planned.presenter) parts.push("Nobody is available to present.");
  else if (planned.paperSource === "assigned") parts.push("The paper was assigned.");
  else if (planned.paperSource === "group") parts.push("From the group queue.");
  else if (planned.paperSource === "choice") parts.push(`Presenter's choice: ${planned.presenter.name} has no papers left to present and the group queue is empty.`);
  return parts.length > 0 ? parts.join(" ") : undefined;
}

/** A member's chat users, per platform, from the links. */
export function userIdsOf(memberKey: string, links: readonly LinkRow[]): SessionPresenter["userIds"] {
  const ids: SessionPresenter["userIds"] = {};
  for (const link of links) {
    const platform = PLATFORMS.find((p) => p === link.platform);
    if (link.memberKey === memberKey && platform) ids[platform] = link.userId;
  }
  return ids;
}

/** The `session` reply of a planned session: what `reading next` shows and the weekly job posts, identically. */
export function sessionReply(planned: PlannedSession, timeZone: string, legend: Tag[], links: readonly LinkRow[], records: PaperRecords = NO_RECORDS, namedLists = false): SessionReply {
  const { slot, presenter, paper } = planned;
  const note = sessionNote(planned);
  const reply: SessionReply = {
    kind: "session",
    headline: planned.skipped ? `No reading group in ${slot.week}` : `Reading group ${slot.week}`,
    date: sessionDate(slot, timeZone),
    presenter: presenter ? { name: presenter.name, userIds: userIdsOf(presenter.key, links) } : null,
    card: paper ? toCard(paper, legend, records.get(paper.id), namedLists) : null,
  };
  return note === undefined ? reply : { ...reply, note };
}
