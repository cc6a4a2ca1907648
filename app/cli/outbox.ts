import { EXIT, printJson, type CliCommand } from "./io.js";
import { cliServices } from "./services.js";

export const outboxCliCommand: CliCommand = {
  name: "outbox",
  usage: "mss-bot outbox [--json]",
  summary: "Deliveries by status and the most recent ones, with their attempts and errors",
  async run(args, io) {
    if (args.length > 0) {
      io.err(`usage: ${this.usage}\n`);
      return EXIT.badInput;
    }
    const ready = await cliServices(io);
    if (typeof ready === "number") return ready;
    const { store } = ready.services;
    try {
      const counts = store.outbox.counts();
      const recent = store.outbox.recent(20);
      if (io.json) {
        printJson(io, { counts, recent });
        return EXIT.ok;
      }
      const lines = [`pending ${counts.pending}, sending ${counts.sending}, sent ${counts.sent}, failed ${counts.failed}`];
      for (const row of recent) {
        const detail = row.status === "sent" ? `sent ${row.sentAt}` : `${row.attempts} attempts${row.lastError ? `, ${row.lastError}` : ""}`;
        lines.push(`  ${row.status.padEnd(7)} ${row.platform}:${row.channelId}  ${row.key}  (${detail})`);
      }
      io.out(`${lines.join("\n")}\n`);
      return EXIT.ok;
    } finally {
      store.close();
    }
  },
};
