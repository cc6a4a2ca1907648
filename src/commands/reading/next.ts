import type { Reply } from "../../replies/reply.js";
import { defineCommand } from "../command.js";

export const readingNextCommand = defineCommand({
  name: "reading next",
  description: "The next reading-group session: date, presenter and paper, exactly as it will be posted.",
  group: "reading",
  options: {},
  run(_args, { services: { reading, now } }): Reply {
    const [next] = reading.upcoming(now(), 1);
    if (!next) return { kind: "notice", text: "The reading schedule has no upcoming session." };
    return reading.reply(next);
  },
});
