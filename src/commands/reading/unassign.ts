import { sessionDate } from "../../reading/session-reply.js";
import { errorReply, type Reply } from "../../replies/reply.js";
import { defineCommand } from "../command.js";
import { nextLine, resolveWeek, weekOption } from "./reading-args.js";

export const readingUnassignCommand = defineCommand({
  name: "reading unassign",
  description: "Drop a session's assignment: the rotation decides its presenter and paper again.",
  group: "reading",
  admin: true,
  options: {
    week: weekOption(),
  },
  positional: ["week"],
  examples: ["reading unassign", "reading unassign 2026-12-14"],
  run({ week }, ctx): Reply {
    const slot = resolveWeek(ctx, week);
    if (!slot.ok) return slot.reply;
    const { reading, store } = ctx.services;
    const when = sessionDate(slot.value, reading.timeZone);
    if (!store.reading.sessions.clearOverride(slot.value.id, "assign")) return errorReply("not-found", `Nothing is assigned to ${when}.`);
    return { kind: "notice", text: `The assignment of ${when} is dropped.${nextLine(ctx)}` };
  },
});
