import { errorReply, type Reply } from "../replies/reply.js";
import type { ChannelRef, CommandContext } from "./context.js";

/** The channel a subscription command is about, or the reply saying there is none (the CLI has no channel). */
export function requireChannel(ctx: CommandContext): ChannelRef | Reply {
  return ctx.channel ?? errorReply("invalid", "This command works in a chat channel.", "Run it in the channel that should get announcements.");
}

export const isReply = (value: ChannelRef | Reply): value is Reply => "kind" in value;
