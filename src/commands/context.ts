import type { Platform } from "../replies/reply.js";
import type { Services } from "../services.js";

/** A chat channel on one platform (a Discord channel id, a Slack channel id, "console"). */
export interface ChannelRef {
  platform: Platform;
  id: string;
}

/** Who runs a command; `isAdmin` is decided by the adapter with the platform's permissions. */
export interface Caller {
  id: string;
  name: string;
  isAdmin: boolean;
}

export interface CommandContext {
  platform: Platform;
  channel: ChannelRef | null;
  user: Caller;
  services: Services;
}
