import { castVote, when } from "../../reading/vote.js";
import { errorReply, type Reply } from "../../replies/reply.js";
import { foldKey } from "../../papers/index.js";
import { defineCommand } from "../command.js";
import { text } from "../options.js";
import { weekOption } from "./reading-args.js";
import { pollFor, pollSummary } from "./vote.js";

export const readingBallotCommand = defineCommand({
  name: "reading ballot",
  description: "Vote for a paper in the open reading-group vote (one vote, changeable); without a paper, the count.",
  group: "reading",
  options: {
    paper: text({ description: "The paper to vote for (one of the vote's choices)", max: 100 }).optional(),
    week: weekOption(),
  },
  positional: ["paper", "week"],
  examples: ["reading ballot", "reading ballot AlpaServe"],
  run({ paper, week }, ctx): Reply {
    const found = pollFor(ctx, week);
    if (!found.ok) return found.reply;
    const { poll } = found;
    const choices = poll.choices.map((c, i) => `${i + 1}. ${c.name}`).join(", ");
    if (paper === undefined) {
      return { kind: "notice", text: `Vote for ${poll.date}: ${pollSummary(ctx, poll)}.`, actions: poll.choices.map((c) => ({ label: c.name, link: { command: "reading ballot", args: { paper: c.paperId, week: poll.date } } })) };
    }
    // The buttons send the paper's id; people type its name (any casing) or its number on the vote.
    const typed = foldKey(paper);
    const choice = poll.choices.find((c, i) => c.paperId === paper || foldKey(c.name) === typed || String(i + 1) === paper.trim());
    if (!choice) return errorReply("invalid", `"${paper}" is not on the vote for ${poll.date}.`, `Choices: ${choices}`);
    const { store, now } = ctx.services;
    const cast = castVote(store, poll, { platform: ctx.platform, userId: ctx.user.id, userName: ctx.user.name }, choice.paperId, now());
    if (!cast.ok) return errorReply("invalid", cast.text, cast.hint);
    const previous = cast.value.previous;
    const changed = previous !== undefined && previous !== choice.paperId ? ` (changed from ${poll.choices.find((c) => c.paperId === previous)?.name ?? previous})` : "";
    return { kind: "notice", text: `Your vote for ${poll.date}: ${choice.name}${changed}. It can be changed until ${when(ctx.services.reading, poll.closesAt)}.` };
  },
});
