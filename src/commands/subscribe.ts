import { findTag } from "../papers/index.js";
import { errorReply, type Reply } from "../replies/reply.js";
import type { SubscriptionFilter } from "../store/subscription-repo.js";
import { describeFilter } from "../sync/subscription-match.js";
import { isReply, requireChannel } from "./channel-scope.js";
import { defineCommand } from "./command.js";
import { text } from "./options.js";

export const subscribeCommand = defineCommand({
  name: "subscribe",
  description: "Announce new and updated papers in this channel, optionally only a category, venue or reporter.",
  group: "announcements",
  admin: true,
  options: {
    tag: text({ description: "Only papers of this category", max: 40, dynamicChoices: "tags" }).optional(),
    venue: text({ description: "Only papers of this venue, e.g. OSDI", max: 40 }).optional(),
    reporter: text({ description: "Only papers this person reports", max: 60, autocomplete: "reporters" }).optional(),
  },
  examples: ["subscribe", "subscribe tag:scheduling", "subscribe venue:OSDI"],
  run({ tag, venue, reporter }, ctx): Reply {
    const channel = requireChannel(ctx);
    if (isReply(channel)) return channel;
    const { store, catalog, now } = ctx.services;
    const filter: SubscriptionFilter = {};
    if (tag !== undefined) {
      const found = findTag(catalog.list.legend, tag);
      if (!found) return errorReply("invalid", `Unknown category "${tag}".`, `Categories: ${catalog.list.legend.map((t) => t.id).join(", ")}`);
      filter.tag = found.id;
    }
    if (venue !== undefined) filter.venue = venue;
    if (reporter !== undefined) filter.reporter = reporter;
    const before = store.subscriptions.get(channel.platform, channel.id);
    const at = now().toISOString();
    store.subscriptions.subscribe(channel.platform, channel.id, filter, ctx.user.id, at);
    // Resuming a pause also queues again what the platform refused before it: the cause is presumably fixed.
    const requeued = store.outbox.wakeChannel(channel.platform, channel.id, at, before?.status === "paused");
    const verb = before?.status === "paused" ? "resumed" : before?.status === "active" ? "updated" : "on";
    const again = requeued > 0 ? ` ${requeued} ${requeued === 1 ? "delivery that was refused is" : "deliveries that were refused are"} queued again.` : "";
    return { kind: "notice", text: `Announcements ${verb} for this channel: ${describeFilter(filter)}. New papers are posted when the list changes upstream.${again}` };
  },
});

export const unsubscribeCommand = defineCommand({
  name: "unsubscribe",
  description: "Stop announcing papers in this channel.",
  group: "announcements",
  admin: true,
  options: {},
  run(_args, ctx): Reply {
    const channel = requireChannel(ctx);
    if (isReply(channel)) return channel;
    const { store, now } = ctx.services;
    const sub = store.subscriptions.get(channel.platform, channel.id);
    if (!sub || sub.status === "off") return errorReply("not-found", "This channel is not subscribed.");
    store.subscriptions.setStatus(sub.id, "off", `unsubscribed by ${ctx.user.name}`, now().toISOString());
    return { kind: "notice", text: "Announcements are off for this channel. Subscribe again any time." };
  },
});
