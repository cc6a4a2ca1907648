import { sessionDate } from "../../reading/session-reply.js";
import type { Reply } from "../../replies/reply.js";
import { isReply, requireChannel } from "../channel-scope.js";
import { defineCommand } from "../command.js";
import { flag } from "../options.js";

export const readingChannelCommand = defineCommand({
  name: "reading channel",
  description: "Post the weekly reading-group session in this channel (one channel per platform).",
  group: "reading",
  admin: true,
  options: {
    off: flag({ description: "Stop the weekly posts on this platform" }).optional(),
  },
  examples: ["reading channel", "reading channel off:yes"],
  run({ off }, ctx): Reply {
    const channel = requireChannel(ctx);
    if (isReply(channel)) return channel;
    const { reading, now } = ctx.services;
    if (off) {
      reading.setChannel(channel.platform, null);
      return { kind: "notice", text: `Weekly reading-group posts are off on ${channel.platform}.` };
    }
    reading.setChannel(channel.platform, channel.id);
    const next = reading.nextSlot(now());
    return { kind: "notice", text: `Weekly reading-group sessions are posted in this channel; the next on ${sessionDate(next, reading.timeZone)}.` };
  },
});
