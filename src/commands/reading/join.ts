import { foldKey } from "../../papers/index.js";
import { isActive } from "../../reading/roster.js";
import { sessionDate } from "../../reading/session-reply.js";
import { errorReply, type Reply } from "../../replies/reply.js";
import type { CommandContext } from "../context.js";
import { defineCommand } from "../command.js";
import { text } from "../options.js";

/** "Your first turn: Mon 14 Dec 2026, 09:00 (UTC)." within the next year of sessions. */
export function firstTurn(ctx: CommandContext, key: string): string {
  const { reading, now } = ctx.services;
  const turn = reading.upcoming(now(), 52).find((s) => s.presenter?.key === key);
  return turn ? ` Your next turn: ${sessionDate(turn.slot, reading.timeZone)}.` : "";
}

export const readingJoinCommand = defineCommand({
  name: "reading join",
  description: "Join the reading-group rotation yourself (at the end of the queue); links your chat user.",
  group: "reading",
  options: {
    name: text({ description: "Your name in the group, e.g. your Reporter name in the list; default: your chat name", max: 60, autocomplete: "reporters" }).optional(),
  },
  positional: ["name"],
  examples: ["reading join", "reading join hzq"],
  run({ name }, ctx): Reply {
    const { reading, store, now } = ctx.services;
    const display = name ?? ctx.user.name;
    const key = foldKey(display);
    if (!key) return errorReply("invalid", "A member's name needs at least one letter or digit.");
    const at = now();
    const roster = reading.recordRoster(at);
    const { members } = store.reading;
    const linked = roster.find((m) => m.key === members.linkedMember(ctx.platform, ctx.user.id));
    if (linked && linked.key !== key && isActive(linked)) return errorReply("invalid", `You are already in the rotation as ${linked.name}.`, "reading leave first to join under another name.");
    const otherUser = members.linkedUser(key, ctx.platform);
    if (otherUser !== undefined && otherUser !== ctx.user.id && !ctx.user.isAdmin) {
      return errorReply("forbidden", `${display} is linked to another chat user here.`, "Ask an admin to run reading link.");
    }
    const existing = roster.find((m) => m.key === key);
    const iso = at.toISOString();
    const already = existing !== undefined && isActive(existing);
    if (!already) members.upsert({ key, name: existing?.name ?? display, joined: true, status: "active", turn: members.maxTurn() + 1 }, iso);
    members.link(key, ctx.platform, ctx.user.id, iso);
    const who = existing?.name ?? display;
    const message = already ? `${who} is already in the rotation; your chat user is now linked to ${who}.` : `Welcome, ${who}: you join the rotation at the end of the queue.`;
    return { kind: "notice", text: `${message}${firstTurn(ctx, key)}` };
  },
});
