import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import type { DispatchObserver } from "../services.js";
import type { ParseWarning } from "../papers/index.js";
import type { Store } from "../store/store.js";
import { warningEffect } from "../sync/list-warnings.js";

/**
 * Prometheus metrics of the bot: commands by name, platform and outcome with a
 * latency histogram; sync runs by result; the outbox by status (read from the
 * store at scrape time); the delay from detecting a change to delivering it.
 */
export class Metrics {
  readonly registry = new Registry();
  private readonly commands: Counter<"command" | "platform" | "outcome">;
  private readonly commandSeconds: Histogram<"command" | "platform">;
  private readonly syncRuns: Counter<"result">;
  private readonly listSyncRuns: Counter<"list" | "result">;
  private readonly listWarnings: Counter<"effect">;
  private readonly announcementDelay: Histogram;

  constructor(store: Store) {
    collectDefaultMetrics({ register: this.registry, prefix: "mss_" });
    this.commands = new Counter({ name: "mss_commands_total", help: "Commands answered, by command, platform and outcome", labelNames: ["command", "platform", "outcome"], registers: [this.registry] });
    this.commandSeconds = new Histogram({
      name: "mss_command_duration_seconds",
      help: "Time to answer a command",
      labelNames: ["command", "platform"],
      buckets: [0.0005, 0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 3],
      registers: [this.registry],
    });
    this.syncRuns = new Counter({ name: "mss_sync_runs_total", help: "Sync runs by result", labelNames: ["result"], registers: [this.registry] });
    this.listSyncRuns = new Counter({ name: "mss_list_sync_runs_total", help: "Sync runs by followed list (MSS_LISTS id) and result", labelNames: ["list", "result"], registers: [this.registry] });
    this.listWarnings = new Counter({
      name: "mss_list_warnings_total",
      help: "Parse warnings of the lists syncs read (each distinct warning once per sync), by effect: skipped (a row left out), dropped (a link or value left out), repaired",
      labelNames: ["effect"],
      registers: [this.registry],
    });
    for (const effect of ["skipped", "dropped", "repaired"]) this.listWarnings.inc({ effect }, 0);
    this.announcementDelay = new Histogram({
      name: "mss_announcement_delay_seconds",
      help: "From detecting a change upstream to the platform confirming its announcement",
      buckets: [1, 5, 30, 60, 300, 1800, 3600, 21600, 86400],
      registers: [this.registry],
    });
    new Gauge({
      name: "mss_outbox_rows",
      help: "Outbox rows by status",
      labelNames: ["status"],
      registers: [this.registry],
      collect() {
        if (!store.db.open) return;
        for (const [status, n] of Object.entries(store.outbox.counts())) this.set({ status }, n);
      },
    });
  }

  /** Pass to dispatch (or keep on Services) so every command on every platform is counted. */
  readonly observeCommand: DispatchObserver = ({ command, platform, outcome, ms }) => {
    this.commands.inc({ command, platform, outcome });
    this.commandSeconds.observe({ command, platform }, ms / 1000);
  };

  syncRun(result: string, warnings: readonly ParseWarning[] = [], list?: string): void {
    this.syncRuns.inc({ result });
    if (list !== undefined) this.listSyncRuns.inc({ list, result });
    for (const w of warnings) this.listWarnings.inc({ effect: warningEffect(w) });
  }

  delivered(detectedAt: string, at: Date): void {
    this.announcementDelay.observe(Math.max(0, (at.getTime() - Date.parse(detectedAt)) / 1000));
  }

  text(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
