import type { Paper } from "../papers/index.js";
import type { ResolvedVia } from "../store/scholar-repo.js";
import type { PaperOutcome } from "./enrich-paper.js";

/** What `mss-bot enrich` reports: each paper it worked, by outcome. */
export interface EnrichSummary {
  resolved: Array<{ id: string; name: string; via: ResolvedVia }>;
  unresolved: Array<{ id: string; name: string; reason: string }>;
  failed: Array<{ id: string; name: string; error: string }>;
  cleared: Array<{ id: string; name: string }>;
  /** Papers with a record already and not asked to refresh. */
  known: number;
}

export const emptySummary = (): EnrichSummary => ({ resolved: [], unresolved: [], failed: [], cleared: [], known: 0 });

/** Adds one paper's outcome to the summary; a paper waiting on a failing source counts as failed (it stays queued). */
export function tallyOutcome(summary: EnrichSummary, paper: Paper, outcome: PaperOutcome | { kind: "skipped" }): void {
  const who = { id: paper.id, name: paper.name };
  if (outcome.kind === "resolved") summary.resolved.push({ ...who, via: outcome.via });
  else if (outcome.kind === "unresolved") summary.unresolved.push({ ...who, reason: outcome.reason });
  else if (outcome.kind === "cleared") summary.cleared.push(who);
  else if (outcome.kind === "waiting") summary.failed.push({ ...who, error: outcome.error });
}
