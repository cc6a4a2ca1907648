import { Options, type ClientOptions } from "discord.js";

const isClientUser = (entry: { id: string; client: { user: { id: string } | null } }) => entry.id === entry.client.user?.id;

/**
 * What the discord.js client keeps in memory: only what the bot reads. It
 * answers interactions from their own payload (user, member permissions,
 * channel id) and posts announcements over REST, so it never reads a cached
 * user, member or message. By default discord.js keeps every user and member
 * it has seen for the life of the process, and 200 messages per channel: on a
 * busy server that is memory growing with every new member who runs a command.
 * Guilds, channels and roles stay cached (discord.js needs them and does not
 * support limiting them); the client's own user and member are kept.
 */
export const CLIENT_CACHES: Pick<ClientOptions, "makeCache" | "sweepers"> = {
  makeCache: Options.cacheWithLimits({
    ...Options.DefaultMakeCacheSettings,
    UserManager: { maxSize: 0, keepOverLimit: isClientUser },
    GuildMemberManager: { maxSize: 0, keepOverLimit: isClientUser },
    MessageManager: 0,
    DMMessageManager: 0,
    GuildMessageManager: 0,
    ThreadMemberManager: 0,
    ReactionManager: 0,
    ReactionUserManager: 0,
    PresenceManager: 0,
    VoiceStateManager: 0,
    GuildEmojiManager: 0,
    GuildStickerManager: 0,
    GuildBanManager: 0,
    GuildInviteManager: 0,
    GuildScheduledEventManager: 0,
    StageInstanceManager: 0,
    AutoModerationRuleManager: 0,
    ApplicationCommandManager: 0,
    EntitlementManager: 0,
  }),
  sweepers: Options.DefaultSweeperSettings,
};
