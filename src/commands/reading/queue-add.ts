import { errorReply, type Reply } from "../../replies/reply.js";
import { defineCommand } from "../command.js";
import { paperOption, resolvePaperArg } from "./reading-args.js";

export const readingQueueAddCommand = defineCommand({
  name: "reading queue add",
  description: "Suggest a paper for the group queue: presenters with no papers of their own take it in turn.",
  group: "reading",
  options: {
    paper: paperOption("The paper to queue"),
  },
  positional: ["paper"],
  examples: ["reading queue add AlpaServe"],
  run({ paper: query }, ctx): Reply {
    const paper = resolvePaperArg(ctx, query);
    if (!paper.ok) return paper.reply;
    const { reading, store, now } = ctx.services;
    const input = reading.input();
    if (input.taken.has(paper.value.id)) return errorReply("invalid", `${paper.value.name} was already presented (or is this week's paper).`);
    if (input.groupQueue.includes(paper.value.id)) return { kind: "notice", text: `${paper.value.name} is already in the group queue.` };
    store.reading.sessions.enqueue(paper.value.id, paper.value.name, ctx.user.name, now().toISOString());
    return { kind: "notice", text: `${paper.value.name} is in the group queue (position ${input.groupQueue.filter((id) => !input.taken.has(id)).length + 1}).` };
  },
});
