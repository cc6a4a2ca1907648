import { sessionDate } from "../../reading/session-reply.js";
import { errorReply, type Reply } from "../../replies/reply.js";
import { defineCommand } from "../command.js";
import { flag } from "../options.js";
import { nextLine, resolveWeek, weekOption } from "./reading-args.js";

export const readingSkipCommand = defineCommand({
  name: "reading skip",
  description: "No session that week (a holiday); the rotation does not move. undo:yes brings it back.",
  group: "reading",
  admin: true,
  options: {
    week: weekOption(),
    undo: flag({ description: "Hold the session after all" }).optional(),
  },
  positional: ["week"],
  examples: ["reading skip", "reading skip 2026-12-28", "reading skip 2026-W53 undo:yes"],
  run({ week, undo }, ctx): Reply {
    const slot = resolveWeek(ctx, week);
    if (!slot.ok) return slot.reply;
    const { reading, store, now } = ctx.services;
    const when = sessionDate(slot.value, reading.timeZone);
    if (undo) {
      if (!store.reading.sessions.clearOverride(slot.value.id, "skip")) return errorReply("not-found", `The session of ${when} is not skipped.`);
      return { kind: "notice", text: `The session of ${when} is on again.${nextLine(ctx)}` };
    }
    store.reading.sessions.setOverride({ date: slot.value.id, kind: "skip", memberKey: "", paperId: null, createdBy: ctx.user.name }, now().toISOString());
    return { kind: "notice", text: `No session on ${when}; the rotation does not move.${nextLine(ctx)}` };
  },
});
