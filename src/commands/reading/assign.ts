import { sessionDate } from "../../reading/session-reply.js";
import { errorReply, type Reply } from "../../replies/reply.js";
import { defineCommand } from "../command.js";
import { memberOption, paperOption, resolveMember, resolvePaperArg, resolveWeek, weekOption } from "./reading-args.js";

export const readingAssignCommand = defineCommand({
  name: "reading assign",
  description: "Set a session's paper (and presenter); it uses that week's turn. Default: the next session.",
  group: "reading",
  admin: true,
  options: {
    paper: paperOption("The paper to present"),
    member: memberOption("Who presents it; default: whoever's turn it is").optional(),
    week: weekOption(),
  },
  positional: ["paper"],
  examples: ["reading assign AlpaServe", "reading assign Hyrax member:hzq week:2026-12-14"],
  run({ paper: query, member: name, week }, ctx): Reply {
    const paper = resolvePaperArg(ctx, query);
    if (!paper.ok) return paper.reply;
    const member = name === undefined ? undefined : resolveMember(ctx, name);
    if (member && !member.ok) return member.reply;
    const slot = resolveWeek(ctx, week);
    if (!slot.ok) return slot.reply;
    const { reading, store, now } = ctx.services;
    if (reading.input().taken.has(paper.value.id)) {
      return errorReply("invalid", `${paper.value.name} was already presented (or is this week's paper).`, `reading done ${paper.value.name} undo:yes puts it back first.`);
    }
    const { sessions } = store.reading;
    store.transaction(() => {
      for (const o of sessions.overrides()) if (o.kind === "assign" && o.paperId === paper.value.id && o.date !== slot.value.id) sessions.clearOverride(o.date, "assign");
      sessions.setOverride({ date: slot.value.id, kind: "assign", memberKey: member?.value.key ?? "", paperId: paper.value.id, createdBy: ctx.user.name }, now().toISOString());
    });
    const planned = reading.upcoming(now(), 60).find((s) => s.slot.id === slot.value.id);
    const who = planned?.skipped ? "nobody: that week is skipped (reading skip undo:yes)" : (planned?.presenter?.name ?? "nobody available");
    return { kind: "notice", text: `${paper.value.name} is assigned to ${sessionDate(slot.value, reading.timeZone)}; presenter: ${who}.` };
  },
});
