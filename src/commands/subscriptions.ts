import { errorReply, type InfoRow, type Reply } from "../replies/reply.js";
import { textTime } from "../replies/time-text.js";
import { describeCadence, nextDigestText } from "../sync/describe-delivery.js";
import { describeFilter } from "../sync/subscription-match.js";
import { isReply, requireChannel } from "./channel-scope.js";
import { defineCommand } from "./command.js";
import { describeMention } from "./delivery-options.js";

export const subscriptionsCommand = defineCommand({
  name: "subscriptions",
  description: "This channel's subscription: filter, mode and next digest, status, last delivery, failures.",
  group: "announcements",
  options: {},
  run(_args, ctx): Reply {
    const channel = requireChannel(ctx);
    if (isReply(channel)) return channel;
    const { store, now, timeZone } = ctx.services;
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
      { label: "Mode", value: describeCadence(sub.delivery, timeZone) },
      { label: "Since", value: textTime(sub.createdAt) },
      { label: "Last delivery", value: lastSent?.sentAt ? textTime(lastSent.sentAt) : "none yet" },
      { label: "Waiting", value: waiting.length === 0 ? "nothing" : `${waiting.length} (next attempt ${textTime(waiting.at(-1)?.nextAttemptAt ?? "")}${waiting.at(-1)?.lastError ? `, last error: ${waiting.at(-1)?.lastError}` : ""})` },
    ];
    const next = nextDigestText(sub.delivery, now(), timeZone);
    if (next !== undefined) {
      const held = store.digestItems.waiting(sub.id).length;
      info.splice(3, 0, { label: "Next digest", value: sub.status === "active" ? `${next}${held === 0 ? " (nothing collected yet; an empty digest is not posted)" : ` (${held} ${held === 1 ? "paper" : "papers"} collected so far)`}` : `none while ${sub.status}` });
    }
    info.splice(next !== undefined ? 4 : 3, 0, { label: "Thread", value: sub.delivery.thread ? "yes: each post opens a discussion thread" : "no" }, { label: "Mention", value: describeMention(channel.platform, sub.delivery.mention) });
    const { listIds } = ctx.services.catalog;
    if (listIds.length > 1 || sub.filter.list !== undefined) {
      info.splice(2, 0, { label: "Lists", value: sub.filter.list !== undefined ? `only ${sub.filter.list}` : `every followed list (${listIds.join(", ")})` });
    }
    if (lastFailed) info.push({ label: "Last failure", value: `${lastFailed.lastError ?? "unknown"}` });
    return { kind: "info", title: "Announcements in this channel", sections: [{ title: "Subscription", rows: info }] };
  },
});
