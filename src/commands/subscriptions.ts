import { errorReply, type InfoRow, type Reply } from "../replies/reply.js";
import { textTime } from "../replies/time-text.js";
import { describeFilter } from "../sync/subscription-match.js";
import { isReply, requireChannel } from "./channel-scope.js";
import { defineCommand } from "./command.js";

export const subscriptionsCommand = defineCommand({
  name: "subscriptions",
  description: "This channel's subscription: its filter, status, last delivery and any failure.",
  group: "announcements",
  options: {},
  run(_args, ctx): Reply {
    const channel = requireChannel(ctx);
    if (isReply(channel)) return channel;
    const { store } = ctx.services;
    const sub = store.subscriptions.get(channel.platform, channel.id);
    if (!sub) return errorReply("not-found", "This channel has never subscribed.", "An admin can run subscribe here.");
    const rows = store.outbox.forChannel(channel.platform, channel.id);
    const lastSent = rows.find((r) => r.status === "sent");
    const lastFailed = rows.find((r) => r.status === "failed");
    const waiting = rows.filter((r) => r.status === "pending" || r.status === "sending");
    const status = sub.status === "active" ? "active" : `${sub.status}${sub.statusReason ? ` (${sub.statusReason})` : ""}`;
    const info: InfoRow[] = [
      { label: "Status", value: status },
      { label: "Filter", value: describeFilter(sub.filter) },
      { label: "Since", value: textTime(sub.createdAt) },
      { label: "Last delivery", value: lastSent?.sentAt ? textTime(lastSent.sentAt) : "none yet" },
      { label: "Waiting", value: waiting.length === 0 ? "nothing" : `${waiting.length} (next attempt ${textTime(waiting.at(-1)?.nextAttemptAt ?? "")}${waiting.at(-1)?.lastError ? `, last error: ${waiting.at(-1)?.lastError}` : ""})` },
    ];
    if (lastFailed) info.push({ label: "Last failure", value: `${lastFailed.lastError ?? "unknown"}` });
    return { kind: "info", title: "Announcements in this channel", sections: [{ title: "Subscription", rows: info }] };
  },
});
