import { findTag } from "../papers/index.js";
import { errorReply, type Reply } from "../replies/reply.js";
import { DEFAULT_DELIVERY, DELIVERY_MODES, type DeliveryOptions, type SubscriptionFilter } from "../store/subscription-repo.js";
import { describeCadence, nextDigestText } from "../sync/describe-delivery.js";
import { dropHeld, releaseHeld } from "../sync/scheduled-digest.js";
import { describeFilter } from "../sync/subscription-match.js";
import { isReply, requireChannel } from "./channel-scope.js";
import { defineCommand } from "./command.js";
import { followedList, listOption } from "./list-option.js";
import { clockTime, describeMention, parseMention, weekdayName } from "./delivery-options.js";
import { choice, flag, text } from "./options.js";
import { ANY, describeChanges, isAny } from "./subscription-changes.js";

function setField(filter: SubscriptionFilter, key: keyof SubscriptionFilter, value: string | undefined): void {
  if (value === undefined) delete filter[key];
  else filter[key] = value;
}

export const subscribeCommand = defineCommand({
  name: "subscribe",
  description: "Announce new and updated papers in this channel: filter, instant or digest, thread, role ping.",
  group: "announcements",
  admin: true,
  options: {
    list: listOption("Only papers of this followed list (see lists); any for every list", ANY).optional(),
    tag: text({ description: "Only papers of this category; any for every category", max: 40, dynamicChoices: "tags", clearWord: ANY }).optional(),
    venue: text({ description: "Only papers of this venue, e.g. OSDI; any for every venue", max: 40, clearWord: ANY }).optional(),
    reporter: text({ description: "Only papers this person reports; any for every reporter", max: 60, autocomplete: "reporters", clearWord: ANY }).optional(),
    mode: choice(DELIVERY_MODES, { description: "instant (each paper at once), or a daily or weekly digest" }).optional(),
    at: clockTime({ description: "When the digest goes out, HH:MM in the bot's time zone (default 09:00)" }).optional(),
    day: weekdayName({ description: "The weekly digest's day, mon to sun (default mon)" }).optional(),
    thread: flag({ description: "Open a discussion thread on each post" }).optional(),
    mention: text({ description: "Role (Discord) or user group (Slack) to ping on each post; none for nobody", max: 120 }).optional(),
  },
  examples: ["subscribe", "subscribe tag:scheduling", "subscribe venue:OSDI", "subscribe mode:daily at:09:00", "subscribe mode:weekly day:fri thread:yes", "subscribe venue:any", "subscribe list:llmsys"],
  run({ list, tag, venue, reporter, mode, at: time, day, thread, mention }, ctx): Reply {
    const channel = requireChannel(ctx);
    if (isReply(channel)) return channel;
    const { store, catalog, now, timeZone } = ctx.services;
    const before = store.subscriptions.get(channel.platform, channel.id);
    // Options not given keep their current values: "subscribe mention:none" changes only the ping, "venue:any" drops only the venue.
    const filter: SubscriptionFilter = { ...before?.filter };
    if (list !== undefined) {
      const followed = isAny(list) ? undefined : followedList(catalog, list);
      if (followed && "error" in followed) return followed.error;
      setField(filter, "list", followed?.id);
    }
    if (tag !== undefined) {
      const found = isAny(tag) ? undefined : findTag(catalog.list.legend, tag);
      if (!isAny(tag) && !found) {
        return errorReply("invalid", `Unknown category "${tag}".`, `Categories: ${catalog.list.legend.map((t) => t.id).join(", ")}, or ${ANY} for every category`);
      }
      setField(filter, "tag", found?.id);
    }
    if (venue !== undefined) setField(filter, "venue", isAny(venue) ? undefined : venue);
    if (reporter !== undefined) setField(filter, "reporter", isAny(reporter) ? undefined : reporter);
    const current = before?.delivery ?? DEFAULT_DELIVERY;
    let mentionId = current.mention;
    if (mention !== undefined) {
      const parsed = parseMention(channel.platform, mention);
      if (!parsed.ok) return errorReply("invalid", parsed.message);
      mentionId = parsed.id;
    }
    const delivery: DeliveryOptions = { mode: mode ?? current.mode, at: time ?? current.at, day: day ?? current.day, thread: thread ?? current.thread, mention: mentionId };
    if (delivery.mode === "instant" && (time !== undefined || day !== undefined)) {
      return errorReply("invalid", "at and day say when a digest goes out, and this channel gets each paper at once.", "Add mode:daily or mode:weekly.");
    }
    if (delivery.mode === "daily" && day !== undefined) return errorReply("invalid", "day is for weekly digests: a daily digest goes out every day.", `Use mode:weekly day:${day}, or leave day out.`);

    const at = now().toISOString();
    const { requeued, released } = store.transaction(() => {
      const sub = store.subscriptions.subscribe(channel.platform, channel.id, filter, ctx.user.id, at, delivery);
      // Back to instant: what was held for a digest goes out now, each on its own.
      const released = before && before.delivery.mode !== "instant" && delivery.mode === "instant" ? releaseHeld(store, sub, at) : 0;
      // Resuming a pause also queues again what the platform refused before it: the cause is presumably fixed.
      return { requeued: store.outbox.wakeChannel(channel.platform, channel.id, at, before?.status === "paused"), released };
    });
    const verb = before?.status === "paused" ? "resumed" : before?.status === "active" ? "updated" : "on";
    const changes = before === undefined ? [] : describeChanges(channel.platform, before, { filter, delivery });
    const changed = before === undefined ? "" : changes.length > 0 ? ` Changed: ${changes.join(", ")}.` : verb === "updated" ? " Nothing changed." : "";
    const again = requeued > 0 ? ` ${requeued} ${requeued === 1 ? "delivery that was refused is" : "deliveries that were refused are"} queued again.` : "";
    const next = nextDigestText(delivery, now(), timeZone);
    const how =
      next === undefined
        ? "New papers are posted when the list changes upstream."
        : `New papers are collected into one digest, ${describeCadence(delivery, timeZone)}; the next goes out ${next} if there is news.`;
    const extras = [
      released > 0 && `${released} ${released === 1 ? "paper held for the digest is" : "papers held for the digest are"} posted now.`,
      delivery.thread && "Each post gets a discussion thread.",
      delivery.mention !== null && `Each post pings ${describeMention(channel.platform, delivery.mention)}.`,
    ].filter(Boolean);
    return { kind: "notice", text: [`Announcements ${verb} for this channel: ${describeFilter(filter)}.${changed} ${how}${again}`, ...extras].join(" ") };
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
    store.transaction(() => {
      store.subscriptions.setStatus(sub.id, "off", `unsubscribed by ${ctx.user.name}`, now().toISOString());
      dropHeld(store, sub);
    });
    return { kind: "notice", text: "Announcements are off for this channel. Subscribe again any time." };
  },
});
