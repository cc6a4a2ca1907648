import { parseArgs } from "node:util";
import { renderText } from "../../adapters/console/render-text.js";
import { syncReply } from "../../src/commands/sync.js";
import { EXIT, printJson, type CliCommand } from "./io.js";
import { cliServices } from "./services.js";

export const syncCliCommand: CliCommand = {
  name: "sync",
  usage: "mss-bot sync [--source URL|FILE] [--dry-run] [--json]",
  summary: "Re-read the upstream list now, store it and queue announcements (--dry-run: only show what would be announced)",
  async run(args, io) {
    let values;
    try {
      ({ values } = parseArgs({ args, options: { source: { type: "string" }, "dry-run": { type: "boolean" } }, strict: true }));
    } catch (error) {
      io.err(`error: ${(error as Error).message}\nusage: ${this.usage}\n`);
      return EXIT.badInput;
    }
    const ready = await cliServices(io, values.source);
    if (typeof ready === "number") return ready;
    const { services } = ready;
    try {
      const report = await services.sync.run({ dryRun: values["dry-run"] ?? false });
      if (io.json) {
        printJson(io, {
          source: report.source,
          result: report.result,
          detail: report.detail,
          dryRun: report.dryRun,
          added: report.added.map((p) => ({ id: p.id, name: p.name, venue: p.venue, year: p.year })),
          changed: report.changed.map((c) => ({ id: c.paper.id, name: c.paper.name, changes: c.changes })),
          removed: report.removed.map((p) => ({ id: p.id, name: p.name })),
          deliveries: report.deliveries,
          digests: report.digests,
          warnings: report.warnings,
        });
      }
      const reply = syncReply(report);
      if (reply.kind === "error") io.err(`error: ${reply.text}\n`);
      else if (!io.json) io.out(`${renderText(reply)}\n`);
      return report.result === "failed" || report.result === "rejected" ? EXIT.noResult : EXIT.ok;
    } finally {
      services.store.close();
    }
  },
};
