import type { ChatAdapter } from "../ports.js";
import type { Store } from "../store/store.js";
import type { PlatformHold } from "../sync/credential-holds.js";

export interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

export interface Readiness {
  ready: boolean;
  checks: Check[];
}

export interface ReadinessDeps {
  store: Store;
  adapters: readonly ChatAdapter[];
  source: string;
  /** Every followed list (when several): each is checked alone, as "sync <id>". */
  lists?: ReadonlyArray<{ id: string; source: string }>;
  now: () => Date;
  /** How long the source may go without a successful sync before the bot is not ready. */
  syncMaxAgeMs: number;
  startedAt: Date;
  /** Platforms whose deliveries wait because they refused the bot's credentials. */
  heldPlatforms?: () => PlatformHold[];
}

/**
 * Ready means: the store is open, every enabled adapter is connected and its
 * credentials are accepted for deliveries, and the upstream has been read
 * successfully recently (a bot that can no longer see its list should be
 * looked at). Each failing check says why.
 */
export function checkReadiness(d: ReadinessDeps): Readiness {
  const checks: Check[] = [];
  checks.push({ name: "store", ok: d.store.db.open, detail: d.store.db.open ? "open" : "closed" });
  for (const adapter of d.adapters) {
    const status = adapter.status();
    checks.push({ name: adapter.platform, ok: status.ready, detail: status.ready ? "connected" : (status.reason ?? "not connected") });
  }
  for (const hold of d.heldPlatforms?.() ?? []) {
    checks.push({ name: `${hold.platform} credentials`, ok: false, detail: `deliveries held since ${hold.since}: ${hold.reason}` });
  }
  const lists = d.lists && d.lists.length > 1 ? d.lists.map((l) => ({ name: `sync ${l.id}`, source: l.source })) : [{ name: "sync", source: d.source }];
  for (const { name, source } of d.store.db.open ? lists : []) {
    const last = d.store.runs.last(source);
    const success = d.store.runs.lastSuccess(source);
    const since = success ? Date.parse(success.finishedAt) : d.startedAt.getTime();
    const stale = d.now().getTime() - since > d.syncMaxAgeMs;
    const detail = !last ? "no sync yet" : last === success || !stale ? `last sync ${last.result} at ${last.finishedAt}` : `no successful sync since ${success?.finishedAt ?? "start-up"}; last: ${last.result} (${last.detail ?? ""})`;
    checks.push({ name, ok: !stale, detail });
  }
  return { ready: checks.every((c) => c.ok), checks };
}
