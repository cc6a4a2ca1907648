import { errorReply, type Reply } from "../../replies/reply.js";
import { defineCommand } from "../command.js";
import type { CommandContext } from "../context.js";
import { flag } from "../options.js";
import { nextLine, paperOption, resolvePaperArg, type Found } from "./reading-args.js";

/** The paper named, else the paper of the latest session posted. */
function donePaper(ctx: CommandContext, query: string | undefined): Found<{ id: string; name: string }> {
  if (query !== undefined) {
    const paper = resolvePaperArg(ctx, query);
    return paper.ok ? { ok: true, value: { id: paper.value.id, name: paper.value.name } } : paper;
  }
  const last = ctx.services.store.reading.sessions
    .all()
    .reverse()
    .find((s) => s.status === "held" && s.paperId);
  if (!last?.paperId) return { ok: false, reply: errorReply("not-found", "No session with a paper has been posted yet.", "Name the paper: reading done <paper>") };
  return { ok: true, value: { id: last.paperId, name: last.paperName ?? last.paperId } };
}

export const readingDoneCommand = defineCommand({
  name: "reading done",
  description: "Mark a paper presented (default: the latest session's); undo:yes puts it back in the queue.",
  group: "reading",
  admin: true,
  options: {
    paper: paperOption("The paper; default: the latest session's").optional(),
    undo: flag({ description: "It was not presented after all" }).optional(),
  },
  positional: ["paper"],
  examples: ["reading done", "reading done AlpaServe", "reading done AlpaServe undo:yes"],
  run({ paper: query, undo }, ctx): Reply {
    const paper = donePaper(ctx, query);
    if (!paper.ok) return paper.reply;
    const { id, name } = paper.value;
    const { store, now } = ctx.services;
    const { sessions } = store.reading;
    const held = sessions.withPaper(id).filter((s) => s.outcome === "pending" || s.outcome === "presented");
    if (undo) {
      const was = store.transaction(() => {
        for (const s of held) sessions.setOutcome(s.date, "not-presented");
        return sessions.unmarkPresented(id) || held.length > 0;
      });
      if (!was) return errorReply("not-found", `${name} is not marked presented.`);
      return { kind: "notice", text: `${name} is marked not presented: it is back in the queue.${nextLine(ctx)}` };
    }
    store.transaction(() => {
      for (const s of held) sessions.setOutcome(s.date, "presented");
      sessions.markPresented(id, name, held.at(-1)?.date ?? null, ctx.user.name, now().toISOString());
    });
    return { kind: "notice", text: `${name} is marked presented.${nextLine(ctx)}` };
  },
});
