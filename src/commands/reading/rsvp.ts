import { answerRsvp } from "../../reading/rsvp.js";
import { RSVP_LABELS } from "../../reading/rsvp-buttons.js";
import { sessionDate } from "../../reading/session-reply.js";
import type { InfoRow, Reply } from "../../replies/reply.js";
import { RSVP_ANSWERS, type RsvpAnswer } from "../../store/reading-rsvp-repo.js";
import { errorReply } from "../../replies/reply.js";
import { defineCommand } from "../command.js";
import { choice } from "../options.js";
import { findWeek, weekOption } from "./reading-args.js";

const count = (n: number) => `${n} ${n === 1 ? "person" : "people"}`;

export const readingRsvpCommand = defineCommand({
  name: "reading rsvp",
  description: "Who comes to a session (default: the next); with answer, say whether you come (until it starts).",
  group: "reading",
  options: {
    week: weekOption(),
    answer: choice(RSVP_ANSWERS, { description: "going or not-going; without it, the answers so far" }).optional(),
  },
  positional: ["week"],
  examples: ["reading rsvp", "reading rsvp 2026-W50", "reading rsvp answer:going"],
  run({ week, answer }, ctx): Reply {
    const slot = findWeek(ctx, week);
    if (!slot.ok) return slot.reply;
    const { reading, store, now } = ctx.services;
    const when = `${sessionDate(slot.value, reading.timeZone)} (${slot.value.week})`;
    if (answer !== undefined) {
      const who = { platform: ctx.platform, userId: ctx.user.id, userName: ctx.user.name };
      const at = now();
      const planned = { channels: reading.channels(), plannedSkipped: () => reading.upcoming(at, 60).find((s) => s.slot.id === slot.value.id)?.skipped === true };
      const result = answerRsvp(planned, store, slot.value, who, answer, at);
      if (!result.ok) {
        return result.why === "started"
          ? errorReply("invalid", `The session of ${when} has started; answers closed then.`, "reading rsvp shows who answered.")
          : errorReply("invalid", `There is no session on ${when}: that week is skipped.`);
      }
      const changed = result.previous !== undefined && result.previous !== answer ? ` (changed from "${RSVP_LABELS[result.previous]}")` : "";
      const verb = answer === "going" ? "You're going to" : "You can't make it to";
      return { kind: "notice", text: `${verb} the reading group of ${when}${changed}. Going: ${result.counts.going}; can't make it: ${result.counts["not-going"]}.` };
    }
    const answers = store.reading.rsvps.forSession(slot.value.id);
    const rows = (a: RsvpAnswer): InfoRow[] => {
      const names = answers.filter((r) => r.answer === a).map((r) => `${r.userName} (${r.platform})`);
      return [{ label: `${RSVP_LABELS[a]}: ${count(names.length)}`, value: names.join(", ") || "—" }];
    };
    const open = slot.value.startsAt.getTime() > now().getTime();
    return {
      kind: "info",
      title: `Reading group ${slot.value.week}: who comes`,
      text: `${when}${open ? "" : " (started; answers closed)"}`,
      sections: [{ title: "Answers", rows: [...rows("going"), ...rows("not-going")] }],
    };
  },
});
