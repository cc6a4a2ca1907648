/** The platforms the bot speaks on; stored with subscriptions, watches and replies. */
export const PLATFORMS = ["console", "cli", "discord", "slack"] as const;
export type Platform = (typeof PLATFORMS)[number];
