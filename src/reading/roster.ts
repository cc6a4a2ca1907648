import { foldKey, type PaperList } from "../papers/index.js";
import type { MemberRow } from "../store/reading-member-repo.js";

/** A person of the reading group, recorded or not yet (a reporter of the list the rotation has not written down). */
export interface Member {
  /** One person however cased: the folded name. */
  key: string;
  name: string;
  status: MemberRow["status"];
  joined: boolean;
  /** Reports at least one paper of the current list. */
  inList: boolean;
  /** Place in the rotation: the lowest turn presents next. */
  turn: number;
  recorded: boolean;
}

export const isActive = (m: Member): boolean => m.status === "active" && (m.inList || m.joined);

/** The list's reporters, one per person, in order of first appearance. */
export function listReporters(list: PaperList): Array<{ key: string; name: string }> {
  const seen = new Map<string, string>();
  for (const paper of list.papers) {
    for (const name of paper.reporters) {
      const key = foldKey(name);
      if (key && !seen.has(key)) seen.set(key, name);
    }
  }
  return [...seen].map(([key, name]) => ({ key, name }));
}

/**
 * Everyone the rotation knows, in rotation order: the recorded members by
 * turn, then the list's reporters not recorded yet, behind them in list order
 * (exactly where recording them puts them). Members who left, were removed or
 * no longer report anything come last and are not in the rotation.
 */
export function buildRoster(rows: MemberRow[], list: PaperList): Member[] {
  const reporters = listReporters(list);
  const inList = new Map(reporters.map((r) => [r.key, r.name]));
  const recorded = new Map(rows.map((r) => [r.key, r]));
  let turn = Math.max(0, ...rows.map((r) => r.turn));
  const members: Member[] = rows.map((r) => ({
    key: r.key,
    name: inList.get(r.key) ?? r.name,
    status: r.status,
    joined: r.joined,
    inList: inList.has(r.key),
    turn: r.turn,
    recorded: true,
  }));
  for (const r of reporters) {
    if (!recorded.has(r.key)) members.push({ key: r.key, name: r.name, status: "active", joined: false, inList: true, turn: ++turn, recorded: false });
  }
  return members.sort((a, b) => Number(isActive(b)) - Number(isActive(a)) || a.turn - b.turn || a.key.localeCompare(b.key));
}

/** The member a name means (any casing or spacing), active or not. */
export function findMember(roster: Member[], name: string): Member | undefined {
  const key = foldKey(name);
  return key ? roster.find((m) => m.key === key) : undefined;
}
