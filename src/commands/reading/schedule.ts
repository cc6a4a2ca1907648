import type { Reply } from "../../replies/reply.js";
import { scheduleReply, scheduleSessions } from "../../reading/schedule-view.js";
import { defineCommand } from "../command.js";
import { integer } from "../options.js";

/** In chat a schedule stays readable; the command line (and its .ics) goes up to a year. */
export const MAX_CHAT_WEEKS = 12;
export const MAX_CLI_WEEKS = 52;

export const readingScheduleCommand = defineCommand({
  name: "reading schedule",
  description: "The upcoming reading-group sessions (date, presenter, paper), with a calendar (.ics) file.",
  group: "reading",
  options: {
    weeks: integer({ description: "How many sessions to show", min: 1, max: MAX_CHAT_WEEKS }).default(4),
  },
  positional: ["weeks"],
  examples: ["reading schedule", "reading schedule weeks:8"],
  async run({ weeks }, { platform, services: { reading, now } }): Promise<Reply> {
    const at = now();
    // The CLI writes the file itself (mss-bot reading schedule --ics FILE).
    return await scheduleReply(scheduleSessions(reading, at, weeks), reading, at, platform !== "cli");
  },
});
