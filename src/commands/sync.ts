import { errorReply, type InfoSection, type Reply } from "../replies/reply.js";
import { describeStoreFault } from "../store/store-fault.js";
import type { SyncReport } from "../sync/sync-service.js";
import { defineCommand } from "./command.js";

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

export const syncCommand = defineCommand({
  name: "sync",
  description: "Re-read the upstream list now and announce what changed.",
  group: "announcements",
  admin: true,
  slow: true,
  options: {},
  async run(_args, { services }): Promise<Reply> {
    try {
      const report = await services.sync.run();
      return syncReply(report, services.store.subscriptions.all().filter((s) => s.status !== "off").length);
    } catch (error) {
      // The sync's writes are one transaction: when the store refuses it, nothing of it landed.
      const fault = describeStoreFault(error);
      if (!fault) throw error;
      services.log.error({ err: error }, "sync could not store its result");
      return errorReply("unavailable", `${capitalize(fault)}; nothing was stored, the last good list stays.`, "Fix the database and run sync again; announcements resume by themselves.");
    }
  },
});
