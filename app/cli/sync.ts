import { statSync } from "node:fs";
import { renderText } from "../../adapters/console/render-text.js";
import { syncAllReply, syncReply } from "../../src/commands/sync.js";
import type { SyncReport } from "../../src/sync/sync-service.js";
import { upstreamOf, type Config, type Upstream } from "../../src/config.js";
import { describeStoreFault } from "../../src/store/store-fault.js";
import type { FetchAttempt } from "../../src/sync/fetch-upstream.js";
import { sourceId } from "../../src/sync/source-id.js";
import { parseCliArgs } from "./args.js";
import { badInput, cannotRead, CliFailure, EXIT, printJson, type CliCommand, type CliIo } from "./io.js";
import { cliConfig, cliServices } from "./services.js";

const describeUpstream = (u: Upstream) => (u.kind === "url" ? u.url : u.kind === "file" ? u.path : `the bundled list (${u.path})`);

/**
 * `--source` may only name the list this database already follows (MSS_UPSTREAM_URL).
 * A sync of another list would store a snapshot that the bot, `paper` and `why`
 * never read; following another list is a configuration change, so it is refused
 * with the variable to set. A missing file is named first.
 */
function checkSource(value: string, config: Config): string {
  const upstream = upstreamOf(value, config.bundledListPath);
  if ("variable" in upstream) throw badInput(`--source ${upstream.message} (not "${value}")`);
  if (upstream.kind === "file") {
    try {
      if (!statSync(upstream.path).isFile()) throw badInput(`cannot read ${upstream.path}: not a file`);
    } catch (error) {
      if (error instanceof CliFailure) throw error;
      throw cannotRead(upstream.path, error);
    }
  }
  const followed = config.lists.find((l) => sourceId(l.upstream) === sourceId(upstream));
  if (followed) return followed.id;
  if (config.lists.length > 1) {
    throw badInput(
      `--source ${value} is none of the lists this database follows (${config.lists.map((l) => `${l.id}=${describeUpstream(l.upstream)}`).join(", ")}); a sync of another list is refused`,
      `To follow it too, add it to MSS_LISTS (e.g. MSS_LISTS=${config.lists.map((l) => `${l.id}=…`).join(",")},new=${value}) and run mss-bot sync.`,
    );
  }
  throw badInput(
    `--source ${value} is not the list this database follows (${describeUpstream(config.upstream)}); the bot, paper and why read only that one, so a sync of another list is refused`,
    `To follow ${value}, set MSS_UPSTREAM_URL=${value} (in the environment or .env) and run mss-bot sync.`,
  );
}

/** On a terminal, one line per attempt at reading the upstream, so a slow or hanging upstream does not look like a hung command. */
const progressLine = (io: CliIo) => (a: FetchAttempt) =>
  io.err(`reading ${a.url} (attempt ${a.number} of ${a.of}, waiting up to ${Math.round(a.timeoutMs / 1000)} s for an answer)…\n`);

/** One list's sync as JSON: the report, its papers as ids and names. */
function reportJson(report: SyncReport, subscribed: number) {
  const reply = syncReply(report, subscribed);
  return {
    kind: reply.kind === "error" ? "error" : "sync",
    ...(reply.kind === "error" ? { reason: reply.reason, text: reply.text } : {}),
    ...report,
    added: report.added.map((p) => ({ id: p.id, name: p.name, venue: p.venue, year: p.year })),
    changed: report.changed.map((c) => ({ id: c.paper.id, name: c.paper.name, changes: c.changes })),
    removed: report.removed.map((p) => ({ id: p.id, name: p.name })),
    subscribedChannels: subscribed,
    summary: reply.kind === "error" ? reply.text : renderText(reply).split("\n")[0],
  };
}

export const syncCliCommand: CliCommand = {
  name: "sync",
  usage: "mss-bot sync [--dry-run] [--list ID] [--source URL|FILE] [--json]",
  summary: "Re-read the followed lists (MSS_LISTS, or the one MSS_UPSTREAM_URL names), store them and queue announcements (--dry-run: only show what a sync would do; --list: one list)",
  async run(args, io) {
    const { values } = parseCliArgs(args, { source: { type: "string" }, list: { type: "string" }, "dry-run": { type: "boolean" } }, this.usage);
    const config = cliConfig();
    let only = values.source !== undefined ? checkSource(values.source, config) : undefined;
    if (values.list !== undefined) {
      const id = config.lists.find((l) => l.id === values.list?.trim().toLowerCase())?.id;
      if (id === undefined) throw badInput(`--list: no followed list is called "${values.list}"`, `Lists: ${config.lists.map((l) => l.id).join(", ")} (see mss-bot lists).`);
      if (only !== undefined && only !== id) throw badInput(`--source names list ${only}, and --list names ${id}; give one`);
      only = id;
    }
    const { services } = await cliServices(config);
    try {
      const reports = await services.sync
        .runAll({ dryRun: values["dry-run"] ?? false, fetch: io.terminal ? { onAttempt: progressLine(io) } : {}, ...(only !== undefined ? { list: only } : {}) })
        .catch((error: unknown) => {
          // The sync's writes are one transaction: when the store refuses it, nothing of it landed.
          const fault = describeStoreFault(error);
          throw fault ? new CliFailure("unavailable", `${fault}; nothing was stored, the last good list stays`, "Fix the database and run mss-bot sync again.") : error;
        });
      const subscribed = services.store.subscriptions.all().filter((s) => s.status !== "off").length;
      const reply = syncAllReply(reports, subscribed);
      // One list: the report itself, as before; several: each list's report under "lists".
      if (io.json) printJson(io, reports.length === 1 ? reportJson(reports[0] as SyncReport, subscribed) : { kind: "sync", lists: reports.map((r) => reportJson(r, subscribed)), subscribedChannels: subscribed });
      if (reply.kind === "error") io.err(`error: ${reply.text}\n`);
      else if (!io.json) io.out(`${renderText(reply)}\n`);
      for (const r of reports.length > 1 ? reports : []) if (r.result === "failed" || r.result === "rejected") io.err(`error: list ${r.list}: ${r.detail ?? r.result}\n`);
      return reports.every((r) => r.result === "failed" || r.result === "rejected") ? EXIT.noResult : EXIT.ok;
    } finally {
      services.store.close();
    }
  },
};
