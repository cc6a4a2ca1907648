import { statSync } from "node:fs";
import { renderText } from "../../adapters/console/render-text.js";
import { syncReply } from "../../src/commands/sync.js";
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
function checkSource(value: string, config: Config): void {
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
  if (sourceId(upstream) === sourceId(config.upstream)) return;
  throw badInput(
    `--source ${value} is not the list this database follows (${describeUpstream(config.upstream)}); the bot, paper and why read only that one, so a sync of another list is refused`,
    `To follow ${value}, set MSS_UPSTREAM_URL=${value} (in the environment or .env) and run mss-bot sync.`,
  );
}

/** On a terminal, one line per attempt at reading the upstream, so a slow or hanging upstream does not look like a hung command. */
const progressLine = (io: CliIo) => (a: FetchAttempt) =>
  io.err(`reading ${a.url} (attempt ${a.number} of ${a.of}, waiting up to ${Math.round(a.timeoutMs / 1000)} s for an answer)…\n`);

export const syncCliCommand: CliCommand = {
  name: "sync",
  usage: "mss-bot sync [--dry-run] [--source URL|FILE] [--json]",
  summary: "Re-read the list MSS_UPSTREAM_URL names, store it and queue announcements (--dry-run: only show what a sync would do)",
  async run(args, io) {
    const { values } = parseCliArgs(args, { source: { type: "string" }, "dry-run": { type: "boolean" } }, this.usage);
    const config = cliConfig();
    if (values.source !== undefined) checkSource(values.source, config);
    const { services } = await cliServices(config);
    try {
      const report = await services.sync.run({ dryRun: values["dry-run"] ?? false, fetch: io.terminal ? { onAttempt: progressLine(io) } : {} }).catch((error: unknown) => {
        // The sync's writes are one transaction: when the store refuses it, nothing of it landed.
        const fault = describeStoreFault(error);
        throw fault ? new CliFailure("unavailable", `${fault}; nothing was stored, the last good list stays`, "Fix the database and run mss-bot sync again.") : error;
      });
      const subscribed = services.store.subscriptions.all().filter((s) => s.status !== "off").length;
      const reply = syncReply(report, subscribed);
      if (io.json) {
        printJson(io, {
          kind: reply.kind === "error" ? "error" : "sync",
          ...(reply.kind === "error" ? { reason: reply.reason, text: reply.text } : {}),
          ...report,
          added: report.added.map((p) => ({ id: p.id, name: p.name, venue: p.venue, year: p.year })),
          changed: report.changed.map((c) => ({ id: c.paper.id, name: c.paper.name, changes: c.changes })),
          removed: report.removed.map((p) => ({ id: p.id, name: p.name })),
          subscribedChannels: subscribed,
          summary: reply.kind === "error" ? reply.text : renderText(reply).split("\n")[0],
        });
      }
      if (reply.kind === "error") io.err(`error: ${reply.text}\n`);
      else if (!io.json) io.out(`${renderText(reply)}\n`);
      return report.result === "failed" || report.result === "rejected" ? EXIT.noResult : EXIT.ok;
    } finally {
      services.store.close();
    }
  },
};
