import type { Interaction } from "discord.js";
import { errorReply } from "../../../src/replies/reply.js";
import { renderReply } from "../render/render-reply.js";
import type { InteractionDeps } from "./context.js";
import { onAutocomplete } from "./on-autocomplete.js";
import { onCommand } from "./on-command.js";
import { onComponent } from "./on-component.js";
import { answer, replyOptions } from "./respond.js";

/**
 * Routes every interaction to its handler. Nothing thrown here may reach
 * discord.js: a failure (an expired token, a Discord error) is logged once
 * and, when the user can still be answered, told to them privately.
 */
export async function handleInteraction(interaction: Interaction, deps: InteractionDeps): Promise<void> {
  try {
    if (interaction.isChatInputCommand()) await onCommand(interaction, deps);
    else if (interaction.isAutocomplete()) await onAutocomplete(interaction, deps);
    else if (interaction.isButton() || interaction.isStringSelectMenu()) await onComponent(interaction, deps);
    else if (interaction.isRepliable()) await answer(interaction, replyOptions(renderReply(errorReply("invalid", "The bot does not handle this kind of action."))));
  } catch (error) {
    deps.log.warn({ err: error, interaction: interaction.id, type: interaction.type }, "discord: could not answer an interaction");
    if (interaction.isRepliable() && !interaction.replied && !interaction.deferred) {
      await answer(interaction, replyOptions(renderReply(errorReply("failed", "Something went wrong answering that; it has been logged.")))).catch(() => undefined);
    }
  }
}
