import type { Reply } from "../replies/reply.js";
import { textTime } from "../replies/time-text.js";
import type { Services } from "../services.js";
import type { Upstream } from "../sync/upstream.js";
import { defineCommand } from "./command.js";

/** One followed list as `lists` shows it. */
export interface ListStatus {
  id: string;
  source: string;
  papers: number;
  /** The last sync of this list, if any ran. */
  lastSync: { at: string; result: string; detail: string | null } | null;
  /** When the list was last read successfully (or found unchanged). */
  lastGood: string | null;
  /** The list's parse warnings (rows skipped, values dropped or repaired) in the version the bot holds. */
  parseWarnings: number;
  /** What needs a look: the last sync failed or was refused, or the list was never read; null when all is well. */
  warning: string | null;
}

export const describeSource = (u: Upstream): string => (u.kind === "url" ? u.url : u.kind === "file" ? u.path : `bundled list ${u.path}`);

/** Each followed list: its source, papers, last sync and what is wrong with it, if anything. */
export function listStatuses(services: Services): ListStatus[] {
  const { store, catalog, sync } = services;
  return sync.lists.map((l) => {
    const version = catalog.listVersion(l.listId);
    const last = store.runs.last(l.source);
    const good = store.runs.lastSuccess(l.source);
    const parseWarnings = version?.list.warnings.length ?? 0;
    let warning: string | null = null;
    if (last?.result === "failed") warning = `failing: ${last.detail ?? "the source could not be read"}`;
    else if (last?.result === "rejected") warning = `refused: ${last.detail ?? "the list could not be read"}`;
    else if (!last && !version?.hash) warning = "not read yet: it has no papers until its first sync";
    return {
      id: l.listId,
      source: describeSource(l.upstream),
      papers: version?.list.papers.length ?? 0,
      lastSync: last ? { at: last.finishedAt, result: last.result, detail: last.detail } : null,
      lastGood: good?.finishedAt ?? null,
      parseWarnings,
      warning,
    };
  });
}

export const listsCommand = defineCommand({
  name: "lists",
  description: "The paper lists the bot follows: source, papers, last sync and any warning.",
  group: "papers",
  options: {},
  examples: ["lists"],
  run(_args, { services }): Reply {
    const statuses = listStatuses(services);
    const sections = statuses.map((s) => ({
      title: s.id,
      rows: [
        { label: "Source", value: s.source },
        { label: "Papers", value: String(s.papers) },
        { label: "Last sync", value: s.lastSync ? `${textTime(s.lastSync.at)}: ${s.lastSync.result}${s.lastSync.detail ? ` (${s.lastSync.detail})` : ""}` : "none yet" },
        ...(s.parseWarnings > 0 ? [{ label: "Parse warnings", value: `${s.parseWarnings} (rows skipped, values dropped or repaired)` }] : []),
        ...(s.warning ? [{ label: "Warning", value: s.warning }] : []),
      ],
    }));
    const failing = statuses.filter((s) => s.warning !== null).length;
    const text = `${statuses.length} ${statuses.length === 1 ? "list" : "lists"} followed${failing > 0 ? `; ${failing} need${failing === 1 ? "s" : ""} a look` : ""}`;
    return { kind: "info", title: "Followed lists", text, sections };
  },
});
