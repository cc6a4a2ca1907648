import type { Announcement } from "../../src/store/announcement-repo.js";
import type { DeliveryTarget } from "../../src/store/delivery-target-repo.js";
import type { OutboxRow } from "../../src/store/outbox-repo.js";
import type { Store } from "../../src/store/store.js";
import { badInput, EXIT, printJson, type CliCommand } from "./io.js";
import { cliServices } from "./services.js";
import { textTime } from "../../src/replies/time-text.js";

/** What a delivery carries, as a person names it: "AlpaServe (added)", "digest: 12 new papers". */
function subjectOf(announcement: Announcement | undefined, catalogName: (id: string) => string | undefined): string {
  if (!announcement) return "(announcement no longer stored)";
  const { reply, kind, paperId } = announcement;
  if (kind === "digest" || kind === "session") return "headline" in reply ? `${kind}: ${reply.headline}` : kind;
  const name = (reply.kind === "announcement" ? reply.items[0]?.card.name : undefined) ?? (paperId ? catalogName(paperId) : undefined) ?? paperId ?? "?";
  return `${name} (${kind})`;
}

/** Where a delivery goes, as a person names it: "→ DM discord user 6000…" for a direct message, else the channel. */
function destinationOf(row: OutboxRow, target: DeliveryTarget | undefined): string {
  if (target?.kind === "dm") return `→ DM ${row.platform} user ${row.channelId}`;
  return `→ ${row.platform} channel ${row.channelId}${target ? ` (${target.kind})` : ""}`;
}

function describeRows(store: Store, catalogName: (id: string) => string | undefined, limit: number) {
  return store.outbox.recent(limit).map((row) => ({ row, subject: subjectOf(store.announcements.get(row.announcementId), catalogName), target: store.deliveryTargets.get(row.id) }));
}

export const outboxCliCommand: CliCommand = {
  name: "outbox",
  usage: "mss-bot outbox [--json]",
  summary: "Deliveries by status and the most recent ones: paper, channel, attempts and errors (keys only in --json)",
  async run(args, io) {
    if (args.length > 0) throw badInput(`unexpected "${args.join(" ")}"`, `usage: ${this.usage}`);
    const { services } = await cliServices();
    const { store } = services;
    const catalogName = (id: string) => services.catalog.list.papers.find((p) => p.id === id)?.name;
    try {
      const counts = store.outbox.counts();
      const recent = describeRows(store, catalogName, 20);
      if (io.json) {
        printJson(io, { counts, recent: recent.map(({ row, subject, target }) => ({ ...row, subject, target: target ?? { kind: "channel" } })) });
        return EXIT.ok;
      }
      const lines = [`pending ${counts.pending}, sending ${counts.sending}, sent ${counts.sent}, failed ${counts.failed}`];
      if (recent.length === 0) lines.push("  no deliveries yet");
      for (const { row, subject, target } of recent) {
        const detail = row.status === "sent" ? `sent ${textTime(row.sentAt ?? row.createdAt)}` : `${row.attempts} attempts${row.lastError ? `, ${row.lastError}` : ""}; next ${textTime(row.nextAttemptAt)}`;
        lines.push(`  ${row.status.padEnd(7)} ${subject} ${destinationOf(row, target)}  (${detail})`);
      }
      io.out(`${lines.join("\n")}\n`);
      return EXIT.ok;
    } finally {
      store.close();
    }
  },
};
