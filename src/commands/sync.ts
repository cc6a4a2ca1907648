import { errorReply, type InfoSection, type Reply } from "../replies/reply.js";
import { describeStoreFault } from "../store/store-fault.js";
import type { SyncReport } from "../sync/sync-service.js";
import { defineCommand } from "./command.js";
import { followedList, listOption } from "./list-option.js";

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Why a sync with news queued nothing, when the reason is that no channel listens. */
function nobodyListens(report: SyncReport, subscribedChannels: number | undefined): string {
  const news = report.added.length + report.changed.length;
  if (news === 0 || subscribedChannels !== 0 || report.deliveries + report.digests > 0) return "";
  return report.dryRun ? "; no channel is subscribed, so a real sync would queue nothing either" : "; no channel is subscribed, so nothing was queued (subscribe in a chat channel to get announcements)";
}

/**
 * The reply a sync run deserves: what changed and what was queued, or why nothing was read.
 * `subscribedChannels` (not off), when known, lets it say that nothing was queued because nobody listens.
 */
export function syncReply(report: SyncReport, subscribedChannels?: number): Reply {
  switch (report.result) {
    case "failed":
      return errorReply("unavailable", `Could not read the upstream list: ${report.detail ?? "unknown error"}.`);
    case "rejected":
      return errorReply("failed", `The upstream list was rejected: ${report.detail ?? "unknown reason"}.`);
    case "not-modified":
      return { kind: "notice", text: "The upstream list has not changed (304 Not Modified)." };
    case "unchanged":
      return { kind: "notice", text: "The upstream list has not changed." };
    case "baseline":
      return { kind: "notice", text: report.dryRun ? `Dry run of the first sync of this source: ${report.detail ?? ""}.` : `First sync of this source: ${report.detail ?? ""}.` };
    case "changed": {
      const sections: InfoSection[] = [];
      if (report.added.length > 0) sections.push({ title: "Added", rows: report.added.map((p) => ({ label: p.name, value: [p.venue, p.year].filter(Boolean).join(" ") })) });
      if (report.changed.length > 0) sections.push({ title: "Changed", rows: report.changed.map((c) => ({ label: c.paper.name, value: c.changes.join("; ") })) });
      if (report.removed.length > 0) sections.push({ title: "Removed (not announced)", rows: report.removed.map((p) => ({ label: p.name, value: "" })) });
      const queued = report.dryRun ? "dry run: nothing stored or queued" : `${report.deliveries} deliveries queued${report.digests > 0 ? `, ${report.digests} digests instead of floods` : ""}`;
      const title = report.dryRun ? "Dry run: what a sync would do" : "Synced the upstream list";
      return { kind: "info", title, text: `${report.detail ?? ""}; ${queued}${nobodyListens(report, subscribedChannels)}`, sections };
    }
  }
}

/** One list's sync in a line: "changed: 1 added, 0 changed, 0 removed; 2 deliveries queued". */
function listLine(report: SyncReport): string {
  const reply = syncReply(report);
  if (reply.kind === "error") return `${report.result}: ${reply.text}`;
  if (reply.kind === "info") return `${report.result}: ${reply.text ?? ""}`;
  return reply.kind === "notice" ? `${report.result}: ${reply.text}` : report.result;
}

/**
 * The reply to a sync of several lists: each list's result (a list that could
 * not be read says why; the others synced), and what was added or changed on each.
 * One list: as syncReply.
 */
export function syncAllReply(reports: readonly SyncReport[], subscribedChannels?: number): Reply {
  if (reports.length === 1) return syncReply(reports[0] as SyncReport, subscribedChannels);
  const bad = reports.filter((r) => r.result === "failed" || r.result === "rejected");
  const sections: InfoSection[] = [{ title: "Lists", rows: reports.map((r) => ({ label: r.list, value: listLine(r) })) }];
  for (const r of reports) {
    if (r.added.length > 0) sections.push({ title: `Added on ${r.list}`, rows: r.added.map((p) => ({ label: p.name, value: [p.venue, p.year].filter(Boolean).join(" ") })) });
    if (r.changed.length > 0) sections.push({ title: `Changed on ${r.list}`, rows: r.changed.map((c) => ({ label: c.paper.name, value: c.changes.join("; ") })) });
  }
  const deliveries = reports.reduce((n, r) => n + r.deliveries, 0);
  const digests = reports.reduce((n, r) => n + r.digests, 0);
  const dryRun = reports.some((r) => r.dryRun);
  const queued = dryRun ? "dry run: nothing stored or queued" : `${deliveries} deliveries queued${digests > 0 ? `, ${digests} digests instead of floods` : ""}`;
  const failing = bad.length > 0 ? `; ${bad.length} of ${reports.length} lists could not be read and keep their last good version (${bad.map((r) => r.list).join(", ")})` : "";
  return { kind: "info", title: dryRun ? "Dry run: what a sync of every list would do" : `Synced ${reports.length} lists`, text: `${queued}${failing}`, sections };
}

export const syncCommand = defineCommand({
  name: "sync",
  description: "Re-read the followed lists now and announce what changed.",
  group: "announcements",
  admin: true,
  slow: true,
  options: {
    list: listOption("Only this followed list (see lists)").optional(),
  },
  examples: ["sync", "sync list:mss"],
  async run({ list }, { services }): Promise<Reply> {
    let only: string | undefined;
    if (list !== undefined) {
      const followed = followedList(services.catalog, list);
      if ("error" in followed) return followed.error;
      only = followed.id;
    }
    try {
      const reports = await services.sync.runAll(only === undefined ? {} : { list: only });
      return syncAllReply(reports, services.store.subscriptions.all().filter((s) => s.status !== "off").length);
    } catch (error) {
      // The sync's writes are one transaction: when the store refuses it, nothing of it landed.
      const fault = describeStoreFault(error);
      if (!fault) throw error;
      services.log.error({ err: error }, "sync could not store its result");
      return errorReply("unavailable", `${capitalize(fault)}; nothing was stored, the last good list stays.`, "Fix the database and run sync again; announcements resume by themselves.");
    }
  },
});
