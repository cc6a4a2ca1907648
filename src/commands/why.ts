import { foldKey } from "../papers/index.js";
import { errorReply, type InfoRow, type InfoSection, type Reply } from "../replies/reply.js";
import { resolvePaper } from "../search/resolve.js";
import type { Announcement } from "../store/announcement-repo.js";
import type { Services } from "../services.js";
import { textTime } from "../replies/time-text.js";
import { describeHeld } from "../sync/describe-delivery.js";
import type { ChannelRef, CommandContext } from "./context.js";
import { invocation } from "./usage.js";
import { defineCommand } from "./command.js";
import { text } from "./options.js";

const day = textTime;

/** How the caller runs a sync where they are: "mss-bot sync", "/sync", "/mss sync". */
const syncInvocation = (ctx: CommandContext) => {
  const sync = ctx.services.commands.get("sync");
  return sync ? invocation(sync, ctx.platform) : "sync";
};

/** What happened to one announcement in one channel. */
function fate(services: Services, a: Announcement, channel: ChannelRef): string {
  const { outbox, subscriptions } = services.store;
  const what = a.kind === "added" ? "its addition" : "a change";
  const row = outbox.find(a.id, channel.platform, channel.id);
  if (row?.status === "sent") return `${what} was announced here on ${day(row.sentAt ?? row.createdAt)}`;
  if (row?.status === "failed") return `${what} could not be delivered: ${row.lastError ?? "unknown error"}`;
  if (row) return `${what} is queued (attempt ${row.attempts}${row.lastError ? `, last error: ${row.lastError}` : ""}; next try ${day(row.nextAttemptAt)})`;
  const sub = subscriptions.get(channel.platform, channel.id);
  const held = sub && describeHeld(services.store, sub, a.id, what, services.now(), services.timeZone);
  if (held) return held;
  const skipped = outbox.skipReason(a.id, channel.platform, channel.id);
  if (skipped) return `${what} was not posted here: ${skipped}`;
  if (!sub) return `${what} was detected on ${day(a.createdAt)}, but this channel is not subscribed`;
  return `${what} was detected on ${day(a.createdAt)}, before this channel subscribed (${day(sub.createdAt)})`;
}

export const whyCommand = defineCommand({
  name: "why",
  description: "Was this paper announced here, when, or why not.",
  group: "announcements",
  options: {
    paper: text({ description: "Paper name", max: 100, autocomplete: "papers" }),
  },
  positional: ["paper"],
  examples: ["why AlpaServe"],
  run({ paper: query }, ctx): Reply {
    const { services } = ctx;
    const { store, sync } = services;
    const found = resolvePaper(services.catalog.index, query);
    if (sync.lists.length > 1) return whyPerList(ctx, query, found);
    const source = sync.source;
    if (!store.runs.last(source) && !store.seen.get(source, found.kind === "one" ? found.paper.id : foldKey(query))) {
      const onList = found.kind === "one" ? `${found.paper.name} is on the list, but no` : "No";
      return {
        kind: "info",
        title: `Why: ${found.kind === "one" ? found.paper.name : query}`,
        sections: [
          {
            title: "Announcements",
            rows: [{ label: "Announced", value: `${onList} sync has run yet on this database, so the bot has no record of what it found or announced. Run ${syncInvocation(ctx)} once: it stores the list as the baseline, and papers added after it are announced.` }],
          },
        ],
      };
    }
    if (found.kind === "several") return errorReply("invalid", `Several papers match "${query}": ${found.hits.map((h) => h.paper.name).join(", ")}.`, "Give the full name.");
    const id = found.kind === "one" ? found.paper.id : foldKey(query);
    const seen = store.seen.get(source, id);
    if (!seen) return errorReply("not-found", `"${query}" has never been on the list the bot follows.`);
    const name = found.kind === "one" ? found.paper.name : seen.name;
    const rows = listRows(ctx, source, id);
    if (found.kind === "none") rows.push({ label: "Now", value: "no longer on the list" });
    return { kind: "info", title: `Why: ${name}`, sections: [{ title: "Announcements", rows }] };
  },
});

/** What one list's sync did with one of its papers: first seen, baseline or not, and each announcement's fate in each channel. */
function listRows(ctx: CommandContext, source: string, id: string): InfoRow[] {
  const { services } = ctx;
  const { store } = services;
  const seen = store.seen.get(source, id);
  if (!seen) return [];
  const rows: InfoRow[] = [{ label: "First seen", value: day(seen.firstSeenAt) }];
  if (seen.inBaseline) {
    rows.push({ label: "Announced", value: "no: it was already on the list when the bot started following it (the baseline); only later additions are announced" });
  }
  const announcements = store.announcements.forPaper(source, id);
  if (!seen.inBaseline && announcements.length === 0) rows.push({ label: "Announced", value: "no: it had been on the list before and came back, so it is not new" });
  const channels: ChannelRef[] = ctx.channel ? [ctx.channel] : store.subscriptions.all().map((s) => ({ platform: s.platform, id: s.channelId }));
  if (channels.length === 0) {
    for (const a of announcements) rows.push({ label: "Announced", value: `found on ${day(a.createdAt)}; no channel was subscribed, so it was not announced anywhere` });
  }
  for (const a of announcements) {
    for (const channel of channels) rows.push({ label: ctx.channel ? "Here" : `${channel.platform} ${channel.id}`, value: fate(services, a, channel) });
  }
  return rows;
}

/** `why` when several lists are followed: what each list that holds (or held) the paper did with it, one section per list. */
function whyPerList(ctx: CommandContext, query: string, found: ReturnType<typeof resolvePaper>): Reply {
  const { services } = ctx;
  const { store, sync, catalog } = services;
  if (found.kind === "several") return errorReply("invalid", `Several papers match "${query}": ${found.hits.map((h) => h.paper.name).join(", ")}.`, "Give the full name.");
  // Each list's own id for the paper; a paper no longer listed is looked up by its folded name on every list.
  const origins = found.kind === "one" ? catalog.origins(found.paper.id) : sync.lists.map((l) => ({ list: l.listId, paperId: foldKey(query) }));
  const sections: InfoSection[] = [];
  let name = found.kind === "one" ? found.paper.name : undefined;
  for (const origin of origins) {
    const list = sync.get(origin.list);
    if (!list) continue;
    const seen = store.seen.get(list.source, origin.paperId);
    if (!seen) {
      if (found.kind === "one") {
        const value = store.runs.last(list.source)
          ? "on the list now, but no sync has stored it yet"
          : `no sync has run yet on this list, so the bot has no record of what it found or announced. Run ${syncInvocation(ctx)} once: it stores the list as the baseline, and papers added after it are announced.`;
        sections.push({ title: `List ${origin.list}`, rows: [{ label: "Announced", value }] });
      }
      continue;
    }
    name ??= seen.name;
    const rows = listRows(ctx, list.source, origin.paperId);
    if (found.kind === "none") rows.push({ label: "Now", value: `no longer on list ${origin.list}` });
    sections.push({ title: `List ${origin.list}`, rows });
  }
  if (sections.length === 0) return errorReply("not-found", `"${query}" has never been on the lists the bot follows (${sync.ids.join(", ")}).`);
  return { kind: "info", title: `Why: ${name ?? query}`, sections };
}
