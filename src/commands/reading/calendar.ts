import { calendarLink, calendarPath, calendarUrl } from "../../reading/reading-options.js";
import type { Reply } from "../../replies/reply.js";
import { defineCommand } from "../command.js";

export const readingCalendarCommand = defineCommand({
  name: "reading calendar",
  description: "The link to subscribe to the live reading-group calendar (it follows swaps and skips).",
  group: "reading",
  options: {},
  examples: ["reading calendar"],
  run(_args, { services: { reading } }): Reply {
    const link = calendarLink(reading.options);
    const url = calendarUrl(reading.options);
    if (!link || !url) {
      return {
        kind: "notice",
        text: `The live calendar is served on the bot's ${calendarPath(undefined)} path, but its public address is not configured (MSS_PUBLIC_URL). reading schedule attaches the calendar as a file meanwhile.`,
      };
    }
    return {
      kind: "info",
      title: "Reading group: live calendar",
      text: "Subscribe in your calendar app; it sees swaps, skips and slides on its next refresh.",
      sections: [{ title: "Subscribe", rows: [
            { label: "Subscribe", value: link },
            { label: "Address", value: url, url },
          ], }],
    };
  },
});
