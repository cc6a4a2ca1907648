import type { InfoRow, Reply } from "../replies/reply.js";
import { describeWatch } from "../watches/watch-match.js";
import { defineCommand } from "./command.js";
import { MAX_WATCHES } from "./watch.js";

export const watchesCommand = defineCommand({
  name: "watches",
  description: "Your personal watches: what each watches, how many papers it sent, and any failure.",
  group: "announcements",
  options: {},
  run(_args, ctx): Reply {
    const mine = ctx.services.store.watches.ofUser(ctx.platform, ctx.user.id);
    if (mine.length === 0) return { kind: "notice", text: 'You watch nothing yet. For example: watch author:"Ion Stoica", watch keyword:"KV cache", watch tag:scheduling or watch venue:OSDI.' };
    const rows: InfoRow[] = mine.map((w) => {
      const sent = `${w.hits} paper${w.hits === 1 ? "" : "s"} so far`;
      return { label: `Watch ${w.number}`, value: w.status === "failed" ? `${describeWatch(w)}: stopped, ${w.statusReason ?? "a direct message failed"}` : `${describeWatch(w)}: ${sent}` };
    });
    return {
      kind: "info",
      title: "Your watches",
      text: `${mine.length} of at most ${MAX_WATCHES}. Remove one with unwatch <number>.`,
      sections: [{ title: "Watches", rows }],
    };
  },
});
