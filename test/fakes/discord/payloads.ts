import { IDS, messageObject, snowflake, type Recorded } from "./fake-discord.js";

/** Permissions of a plain member (view, send, embed, history, use commands) and of an admin (plus Manage Server). */
export const MEMBER_PERMISSIONS = String(1024n | 2048n | 16384n | 65536n | (1n << 31n));
export const ADMIN_PERMISSIONS = String(BigInt(MEMBER_PERMISSIONS) | 32n);

export interface Who {
  admin?: boolean;
  userId?: string;
  /** The user's display name (global_name); "Reader" by default. */
  name?: string;
}

type OptionValue = string | number | boolean;

/** A slash-command option as Discord sends it; the type follows the value (integer, boolean, string). */
export function option(name: string, value: OptionValue, focused = false) {
  const type = typeof value === "boolean" ? 5 : typeof value === "number" ? 4 : 3;
  return { name, type, value, ...(focused ? { focused: true } : {}) };
}

function base(type: number, data: unknown, who: Who = {}, extra: Record<string, unknown> = {}) {
  const userId = who.userId ?? "600000000000000001";
  return {
    id: snowflake(),
    application_id: IDS.appId,
    type,
    token: `tok-${snowflake()}`,
    version: 1,
    guild_id: IDS.guildId,
    channel_id: IDS.channelId,
    channel: { id: IDS.channelId, type: 0, guild_id: IDS.guildId, name: "papers", position: 0, permission_overwrites: [], nsfw: false, parent_id: null },
    member: {
      user: { id: userId, username: "reader", discriminator: "0", global_name: who.name ?? "Reader", avatar: null },
      roles: [],
      permissions: who.admin ? ADMIN_PERMISSIONS : MEMBER_PERMISSIONS,
      joined_at: "2026-01-01T00:00:00.000000+00:00",
      deaf: false,
      mute: false,
      flags: 0,
      pending: false,
      nick: null,
      avatar: null,
    },
    app_permissions: MEMBER_PERMISSIONS,
    locale: "en-US",
    guild_locale: "en-US",
    entitlements: [],
    authorizing_integration_owners: { "0": IDS.guildId },
    context: 0,
    data,
    ...extra,
  };
}

/** /name with options; "reading schedule" sends /reading with a subcommand. */
export function commandInteraction(name: string, options: ReturnType<typeof option>[] = [], who: Who = {}) {
  const [root, ...subs] = name.split(" ");
  let nested: unknown[] = options;
  for (const sub of [...subs].reverse()) nested = [{ name: sub, type: nested === options ? 1 : 2, options: nested }];
  return base(2, { id: snowflake(), name: root, type: 1, guild_id: IDS.guildId, options: nested }, who);
}

/** The user typing in an option: `focused` marks it. */
export function autocompleteInteraction(name: string, focused: string, typed: string, who: Who = {}) {
  return base(4, { id: snowflake(), name, type: 1, guild_id: IDS.guildId, options: [option(focused, typed, true)] }, who);
}

/** The message a bot reply became, from the recorded callback (or webhook edit) that produced it. */
export function messageFrom(reply: Recorded) {
  const data = reply.body?.data ?? reply.body ?? {};
  // Type 20: a reply to a chat-input command.
  return { ...messageObject(IDS.channelId, data), type: 20 };
}

export function buttonInteraction(customId: string, message: ReturnType<typeof messageFrom>, who: Who = {}) {
  return base(3, { custom_id: customId, component_type: 2 }, who, { message });
}

export function selectInteraction(customId: string, values: string[], message: ReturnType<typeof messageFrom>, who: Who = {}) {
  return base(3, { custom_id: customId, component_type: 3, values }, who, { message });
}
