import { foldKey, type Paper } from "../papers/index.js";
import type { OverrideRow } from "../store/reading-session-repo.js";
import { isActive, type Member } from "./roster.js";
import type { SessionSlot } from "./session-calendar.js";

/** Where a session's paper came from. */
export type PaperSource = "own" | "group" | "assigned" | "choice";

export interface PlannedSession {
  slot: SessionSlot;
  skipped: boolean;
  presenter: Member | null;
  /** The presenter was set by `reading assign`, not by the rotation. */
  assignedPresenter: boolean;
  /** Members marked away for this session. */
  absent: Member[];
  paper: Paper | null;
  paperSource: PaperSource;
}

export interface RotationInput {
  /** Everyone the rotation knows, in rotation order (see buildRoster). */
  roster: Member[];
  /** The current list, in list order. */
  papers: Paper[];
  /** Papers presented, or held in a session whose outcome is not "not presented". */
  taken: ReadonlySet<string>;
  /** The group queue, oldest first (queued by hand or newly announced). */
  groupQueue: readonly string[];
  /** Changes to sessions not yet held. */
  overrides: readonly OverrideRow[];
}

/**
 * The rule, as a pure function of the stored state, so a preview is exactly
 * what the weekly job will post. Per session, in order:
 * - skipped: nobody presents and the rotation does not move;
 * - the presenter is the one `reading assign` named, else the first member in
 *   rotation order who is not away; presenting moves them behind everyone
 *   (an absent member keeps their place, so presents next time);
 * - the paper is the assigned one, else the presenter's next own paper (one
 *   they report, not presented or planned yet, in list order), else the oldest
 *   paper of the group queue, else the presenter's choice.
 */
export function planSessions(input: RotationInput, slots: readonly SessionSlot[]): PlannedSession[] {
  const queue = input.roster.filter(isActive);
  const byKey = new Map(queue.map((m) => [m.key, m]));
  const taken = new Set(input.taken);
  const reserved = new Set(input.overrides.flatMap((o) => (o.kind === "assign" && o.paperId ? [o.paperId] : [])));
  const byId = new Map(input.papers.map((p) => [p.id, p]));
  const free = (p: Paper | undefined): p is Paper => p !== undefined && !taken.has(p.id) && !reserved.has(p.id);

  return slots.map((slot) => {
    const changes = input.overrides.filter((o) => o.date === slot.id);
    const absent = changes.flatMap((o) => (o.kind === "absent" ? [byKey.get(o.memberKey)].filter((m): m is Member => m !== undefined) : []));
    if (changes.some((o) => o.kind === "skip")) return { slot, skipped: true, presenter: null, assignedPresenter: false, absent, paper: null, paperSource: "choice" };

    const assign = changes.find((o) => o.kind === "assign");
    const assigned = assign?.memberKey ? byKey.get(assign.memberKey) : undefined;
    const presenter = assigned ?? queue.find((m) => !absent.includes(m)) ?? null;
    if (presenter) queue.push(...queue.splice(queue.indexOf(presenter), 1));

    let paper: Paper | null = null;
    let paperSource: PaperSource = "choice";
    const assignedPaper = assign?.paperId ? byId.get(assign.paperId) : undefined;
    if (assignedPaper && !taken.has(assignedPaper.id)) {
      paper = assignedPaper;
      paperSource = "assigned";
    } else if (presenter) {
      const own = input.papers.find((p) => free(p) && p.reporters.some((r) => foldKey(r) === presenter.key));
      const group = own ? undefined : input.groupQueue.map((id) => byId.get(id)).find(free);
      paper = own ?? group ?? null;
      paperSource = own ? "own" : group ? "group" : "choice";
    }
    if (paper) taken.add(paper.id);
    return { slot, skipped: false, presenter, assignedPresenter: assigned !== undefined, absent, paper, paperSource };
  });
}
