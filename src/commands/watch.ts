import { findTag } from "../papers/index.js";
import { errorReply, type Reply } from "../replies/reply.js";
import { AUTHOR_QUERY_HINT, parseAuthorQuery } from "../search/author-match.js";
import { textWords } from "../search/text-words.js";
import { WATCH_KINDS, type WatchKind } from "../store/watch-repo.js";
import { describeWatch } from "../watches/watch-match.js";
import { defineCommand } from "./command.js";
import type { CommandContext } from "./context.js";
import { integer, text } from "./options.js";

/** Watches one person may have at once (removed ones do not count). */
export const MAX_WATCHES = 20;

const noDirectMessages = (ctx: CommandContext): Reply | undefined =>
  ctx.platform === "cli" ? errorReply("invalid", "Watches answer with direct messages: set them in Discord, Slack or the console.") : undefined;

/** The watch's value as stored: a category by its id, the rest as typed; undefined when it cannot match anything. */
function watchValue(kind: WatchKind, value: string, ctx: CommandContext): string | Reply {
  if (kind === "tag") {
    const { legend } = ctx.services.catalog.list;
    return findTag(legend, value)?.id ?? errorReply("invalid", `Unknown category "${value}".`, `Categories: ${legend.map((t) => t.id).join(", ")}`);
  }
  if (textWords(value).length === 0) return errorReply("invalid", `The ${kind} needs a letter or a digit.`);
  if (kind === "author") {
    const query = parseAuthorQuery(value);
    if ("error" in query) return errorReply("invalid", `author: ${query.error}.`, AUTHOR_QUERY_HINT);
  }
  return value;
}

export const watchCommand = defineCommand({
  name: "watch",
  description: "Get a direct message when a new paper matches an author, keyword, category or venue.",
  group: "announcements",
  options: {
    author: text({ description: "An author of the paper by surname, e.g. Stoica or Ion Stoica", max: 100 }).optional(),
    keyword: text({ description: "Words in the title or abstract, e.g. KV cache", max: 100 }).optional(),
    tag: text({ description: "A category of the list", max: 40, dynamicChoices: "tags" }).optional(),
    venue: text({ description: "A venue, e.g. OSDI", max: 40 }).optional(),
  },
  examples: ['watch author:"Ion Stoica"', 'watch keyword:"KV cache"', "watch tag:scheduling", "watch venue:OSDI"],
  run(args, ctx): Reply {
    const refused = noDirectMessages(ctx);
    if (refused) return refused;
    const given = WATCH_KINDS.filter((k) => args[k] !== undefined);
    const [kind] = given;
    if (kind === undefined || given.length > 1) {
      return errorReply("invalid", given.length === 0 ? "Say what to watch: an author, a keyword, a tag or a venue." : "One watch watches one thing: give only one of author, keyword, tag or venue.", 'For example: watch author:"Ion Stoica"');
    }
    const value = watchValue(kind, args[kind] as string, ctx);
    if (typeof value !== "string") return value;
    const { store, now } = ctx.services;
    const mine = store.watches.ofUser(ctx.platform, ctx.user.id);
    const same = mine.find((w) => w.kind === kind && textWords(w.value).join(" ") === textWords(value).join(" "));
    if (same) return { kind: "notice", text: `You already watch ${describeWatch(same)} (watch ${same.number}).` };
    if (mine.length >= MAX_WATCHES) return errorReply("invalid", `You have ${MAX_WATCHES} watches, the most one person may have.`, "Remove one with unwatch <number> (watches lists them).");
    const watch = store.watches.add(ctx.platform, ctx.user.id, kind, value, now().toISOString());
    return {
      kind: "notice",
      text: `Watching ${describeWatch(watch)} (watch ${watch.number}). You get a direct message for each paper added to the list from now on that matches, once per paper. Your watches: watches.`,
    };
  },
});

export const unwatchCommand = defineCommand({
  name: "unwatch",
  description: "Remove one of your watches by its number (see watches).",
  group: "announcements",
  options: {
    id: integer({ description: "The watch's number, as watches shows it", min: 1, max: 1_000_000_000 }),
  },
  positional: ["id"],
  examples: ["unwatch 3"],
  run({ id }, ctx): Reply {
    const { store, now } = ctx.services;
    const watch = store.watches.byNumber(ctx.platform, ctx.user.id, id);
    if (!watch || watch.status === "removed") {
      return errorReply("not-found", `You have no watch ${id}.`, "watches lists yours with their numbers.");
    }
    store.watches.remove(watch.id, now().toISOString());
    return { kind: "notice", text: `Stopped watching ${describeWatch(watch)} (watch ${watch.number}).` };
  },
});
