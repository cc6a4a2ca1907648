import { isActive } from "../../reading/roster.js";
import { errorReply, type Reply } from "../../replies/reply.js";
import { defineCommand } from "../command.js";
import { callerMember, nextLine } from "./reading-args.js";

export const readingLeaveCommand = defineCommand({
  name: "reading leave",
  description: "Leave the reading-group rotation yourself; reading join brings you back.",
  group: "reading",
  options: {},
  run(_args, ctx): Reply {
    const { reading, store, now } = ctx.services;
    const member = callerMember(ctx);
    if (!member || !isActive(member)) {
      return errorReply("not-found", "You are not in the rotation, or your chat user is not linked to a member.", "reading link <your name> <@you> links you first.");
    }
    const at = now();
    reading.recordRoster(at);
    store.reading.members.setStatus(member.key, "left", at.toISOString());
    return { kind: "notice", text: `${member.name} left the rotation; reading join brings you back at the end of the queue.${nextLine(ctx)}` };
  },
});
