import type { Reply } from "../../replies/reply.js";
import { defineCommand } from "../command.js";
import { memberOption, nextLine, resolveMember } from "./reading-args.js";

export const readingRemoveCommand = defineCommand({
  name: "reading remove",
  description: "Take a member out of the reading-group rotation.",
  group: "reading",
  admin: true,
  options: {
    member: memberOption("The member to remove"),
  },
  positional: ["member"],
  examples: ["reading remove hzq"],
  run({ member: name }, ctx): Reply {
    const member = resolveMember(ctx, name);
    if (!member.ok) return member.reply;
    const { reading, store, now } = ctx.services;
    const at = now();
    reading.recordRoster(at);
    store.reading.members.setStatus(member.value.key, "removed", at.toISOString());
    return { kind: "notice", text: `${member.value.name} is out of the rotation (reading join brings them back).${nextLine(ctx)}` };
  },
});
