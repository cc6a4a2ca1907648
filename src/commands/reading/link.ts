import { errorReply, type Reply } from "../../replies/reply.js";
import { defineCommand } from "../command.js";
import { user } from "../options.js";
import { memberOption, resolveMember } from "./reading-args.js";

export const readingLinkCommand = defineCommand({
  name: "reading link",
  description: "Link a reporter to a chat user here, so posts mention them (admins; members for themselves).",
  group: "reading",
  options: {
    reporter: memberOption("The reporter, as the list names them"),
    user: user({ description: "The chat user to mention for them" }),
  },
  positional: ["reporter", "user"],
  examples: ["reading link hzq <@123456789012345678>", "reading link XiaoKai <@U0123ABCD>"],
  run({ reporter, user: userId }, ctx): Reply {
    const member = resolveMember(ctx, reporter);
    if (!member.ok) return member.reply;
    const { key, name } = member.value;
    const { members } = ctx.services.store.reading;
    if (!ctx.user.isAdmin) {
      if (userId !== ctx.user.id) return errorReply("forbidden", "Only admins can link someone else.", `You can link yourself: reading link ${name} <your mention>`);
      const current = members.linkedUser(key, ctx.platform);
      if (current !== undefined && current !== userId) return errorReply("forbidden", `${name} is already linked to another chat user here.`, "Ask an admin to change it.");
    }
    members.link(key, ctx.platform, userId, ctx.services.now().toISOString());
    return { kind: "notice", text: `${name} is linked to ${ctx.platform} user ${userId}: reading-group posts mention them.` };
  },
});
