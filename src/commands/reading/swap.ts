import type { Member } from "../../reading/roster.js";
import { sessionDate } from "../../reading/session-reply.js";
import { errorReply, type Reply } from "../../replies/reply.js";
import type { CommandContext } from "../context.js";
import { defineCommand } from "../command.js";
import { memberOption, resolveMember } from "./reading-args.js";

function turnOf(ctx: CommandContext, member: Member): string {
  const { reading, now } = ctx.services;
  const turn = reading.upcoming(now(), 60).find((s) => s.presenter?.key === member.key);
  return turn ? `${member.name} on ${sessionDate(turn.slot, reading.timeZone)}` : `${member.name} later`;
}

export const readingSwapCommand = defineCommand({
  name: "reading swap",
  description: "Swap two members' upcoming turns in the reading-group rotation.",
  group: "reading",
  admin: true,
  options: {
    a: memberOption("One member"),
    b: memberOption("The other member"),
  },
  positional: ["a", "b"],
  examples: ["reading swap XiaoKai hzq"],
  run({ a: first, b: second }, ctx): Reply {
    const a = resolveMember(ctx, first);
    if (!a.ok) return a.reply;
    const b = resolveMember(ctx, second);
    if (!b.ok) return b.reply;
    if (a.value.key === b.value.key) return errorReply("invalid", "Name two different members to swap.");
    const { reading, store, now } = ctx.services;
    const at = now();
    const roster = reading.recordRoster(at);
    const turn = (key: string) => roster.find((m) => m.key === key)?.turn ?? 0;
    const [ta, tb] = [turn(a.value.key), turn(b.value.key)];
    store.transaction(() => {
      store.reading.members.setTurn(a.value.key, tb, at.toISOString());
      store.reading.members.setTurn(b.value.key, ta, at.toISOString());
    });
    return { kind: "notice", text: `Swapped: ${turnOf(ctx, a.value)}, ${turnOf(ctx, b.value)}.` };
  },
});
