import { sessionDate } from "../../reading/session-reply.js";
import { errorReply, type Reply } from "../../replies/reply.js";
import { defineCommand } from "../command.js";
import { flag } from "../options.js";
import { callerMember, memberOption, resolveMember, resolveWeek, weekOption } from "./reading-args.js";

export const readingAbsentCommand = defineCommand({
  name: "reading absent",
  description: "A member is away that week: the next member presents (admins; members for themselves).",
  group: "reading",
  options: {
    member: memberOption("Who is away"),
    week: weekOption(),
    undo: flag({ description: "They are back after all" }).optional(),
  },
  positional: ["member", "week"],
  examples: ["reading absent hzq", "reading absent XiaoKai 2026-12-14"],
  run({ member: name, week, undo }, ctx): Reply {
    const member = resolveMember(ctx, name);
    if (!member.ok) return member.reply;
    if (!ctx.user.isAdmin && callerMember(ctx)?.key !== member.value.key) {
      return errorReply("forbidden", "Only admins can mark someone else away.", "Link yourself with reading link, then mark yourself.");
    }
    const slot = resolveWeek(ctx, week);
    if (!slot.ok) return slot.reply;
    const { reading, store, now } = ctx.services;
    const when = sessionDate(slot.value, reading.timeZone);
    const { sessions } = store.reading;
    if (undo) {
      if (!sessions.clearOverride(slot.value.id, "absent", member.value.key)) return errorReply("not-found", `${member.value.name} is not marked away on ${when}.`);
    } else {
      sessions.setOverride({ date: slot.value.id, kind: "absent", memberKey: member.value.key, paperId: null, createdBy: ctx.user.name }, now().toISOString());
    }
    const planned = reading.upcoming(now(), 60).find((s) => s.slot.id === slot.value.id);
    const presenter = planned?.skipped ? "nobody (skipped)" : (planned?.presenter?.name ?? "nobody");
    const status = undo ? `${member.value.name} is no longer marked away on ${when}` : `${member.value.name} is away on ${when} and keeps their place`;
    return { kind: "notice", text: `${status}; ${presenter} presents that day.` };
  },
});
