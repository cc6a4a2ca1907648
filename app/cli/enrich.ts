import { resolve } from "node:path";
import { resolvePaper } from "../../src/search/resolve.js";
import type { EnrichSummary } from "../../src/scholar/enrich-summary.js";
import { writeRecordSnapshot } from "../../src/scholar/snapshot.js";
import { parseCliArgs } from "./args.js";
import { badInput, cannotWrite, CliFailure, EXIT, printJson, type CliCommand, type CliIo } from "./io.js";
import { cliServices } from "./services.js";

/** A one-line progress bar on stderr, redrawn in place; only for a terminal. */
export function progressBar(io: CliIo, isTty: boolean): ((done: number, total: number, name: string) => void) | undefined {
  if (!isTty) return undefined;
  return (done, total, name) => {
    const width = 24;
    const filled = total === 0 ? width : Math.round((done / total) * width);
    io.err(`\r[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${done}/${total} ${name.slice(0, 30).padEnd(30)}${done === total ? "\n" : ""}`);
  };
}

export function describeSummary(s: EnrichSummary): string {
  const lines = [`${s.resolved.length} resolved, ${s.unresolved.length} unresolved, ${s.failed.length} failed${s.cleared.length > 0 ? `, ${s.cleared.length} cleared by a pin` : ""}${s.known > 0 ? `; ${s.known} already known (--refresh fetches them again)` : ""}`];
  if (s.resolved.length > 0) lines.push("", "Resolved:", ...s.resolved.map((r) => `  ${r.name} (${r.via})`));
  if (s.unresolved.length > 0) lines.push("", "Unresolved:", ...s.unresolved.map((r) => `  ${r.name}: ${r.reason}`));
  if (s.failed.length > 0) lines.push("", "Failed (queued for a later try):", ...s.failed.map((r) => `  ${r.name}: ${r.error}`));
  return `${lines.join("\n")}\n`;
}

export const enrichCliCommand: CliCommand = {
  name: "enrich",
  usage: "mss-bot enrich [--paper NAME] [--refresh] [--json] | mss-bot enrich --write-snapshot FILE",
  summary: "Fetch titles, authors, abstracts and BibTeX now from arXiv, DBLP and Semantic Scholar (--write-snapshot: write what is stored as a metadata snapshot)",
  async run(args, io) {
    const { values } = parseCliArgs(args, { paper: { type: "string" }, refresh: { type: "boolean" }, "write-snapshot": { type: "string" } }, this.usage);
    const { services } = await cliServices();
    try {
      const snapshotFile = values["write-snapshot"];
      if (snapshotFile !== undefined) {
        const records = services.store.scholar.records();
        try {
          writeRecordSnapshot(resolve(snapshotFile), records);
        } catch (error) {
          throw cannotWrite(snapshotFile, error);
        }
        if (io.json) printJson(io, { file: resolve(snapshotFile), records: records.size });
        else io.out(`Wrote ${records.size} records to ${snapshotFile}\n`);
        return EXIT.ok;
      }
      if (!services.scholar.enabled) throw badInput("MSS_ENRICH=false: enrichment makes no outside request", "Set MSS_ENRICH=true to fetch records.");
      let paperId: string | undefined;
      if (values.paper !== undefined) {
        const found = resolvePaper(services.catalog.index, values.paper);
        if (found.kind === "none") throw new CliFailure("not-found", `no paper matches "${values.paper}"`);
        if (found.kind !== "one") throw badInput(`several papers match "${values.paper}": ${found.hits.map((h) => h.paper.name).join(", ")}`);
        paperId = found.paper.id;
      }
      const onProgress = progressBar(io, process.stderr.isTTY === true && !io.json);
      const summary = await services.scholar.run({ ...(paperId ? { paperId } : {}), refresh: values.refresh ?? false, ...(onProgress ? { onProgress } : {}) });
      if (io.json) printJson(io, summary);
      else io.out(describeSummary(summary));
      return summary.failed.length > 0 ? EXIT.noResult : EXIT.ok;
    } finally {
      services.store.close();
    }
  },
};
