import { errorReply, type Reply } from "../../replies/reply.js";
import { defineCommand } from "../command.js";
import { paperOption, resolvePaperArg } from "./reading-args.js";

export const readingQueueRemoveCommand = defineCommand({
  name: "reading queue remove",
  description: "Take a paper out of the group queue.",
  group: "reading",
  admin: true,
  options: {
    paper: paperOption("The paper to take out"),
  },
  positional: ["paper"],
  examples: ["reading queue remove AlpaServe"],
  run({ paper: query }, ctx): Reply {
    const paper = resolvePaperArg(ctx, query);
    if (!paper.ok) return paper.reply;
    const { reading, store } = ctx.services;
    if (store.reading.sessions.dequeue(paper.value.id)) return { kind: "notice", text: `${paper.value.name} is out of the group queue.` };
    if (reading.input().groupQueue.includes(paper.value.id)) {
      return errorReply("invalid", `${paper.value.name} is queued because it was newly announced.`, `reading done ${paper.value.name} takes it out of every queue.`);
    }
    return errorReply("not-found", `${paper.value.name} is not in the group queue.`);
  },
});
