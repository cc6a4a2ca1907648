import { PermissionFlagsBits, type BaseInteraction } from "discord.js";
import type { CommandContext } from "../../../src/commands/context.js";
import type { Logger } from "../../../src/log.js";
import type { Services } from "../../../src/services.js";

export interface InteractionDeps {
  services: Services;
  log: Logger;
}

/**
 * Who is asking, from the interaction itself: admins are members whose
 * permissions in this channel include Manage Server (or Administrator). This is
 * checked on every run; hiding admin commands in the client is only cosmetic.
 * Outside a server (a DM) nobody is an admin.
 */
export function contextOf(interaction: BaseInteraction, services: Services): CommandContext {
  const isAdmin = interaction.inGuild() && (interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false);
  return {
    platform: "discord",
    channel: interaction.channelId ? { platform: "discord", id: interaction.channelId } : null,
    user: { id: interaction.user.id, name: interaction.user.globalName ?? interaction.user.username, isAdmin },
    services,
  };
}
