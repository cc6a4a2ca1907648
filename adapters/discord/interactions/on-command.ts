import type { ChatInputCommandInteraction } from "discord.js";
import { dispatch } from "../../../src/commands/dispatch.js";
import { renderReply } from "../render/render-reply.js";
import { contextOf, type InteractionDeps } from "./context.js";
import { commandNameOf, rawArgsOf } from "./raw-args.js";
import { sendPrivately, sendReply } from "./respond.js";

/**
 * A slash command: its options become raw args and go through the core's
 * dispatch (validation, admin check, error boundary). Slow commands are
 * deferred first (Discord wants an answer within 3 s) and edited when done.
 * Errors are only shown to the user who asked.
 */
export async function onCommand(interaction: ChatInputCommandInteraction, { services }: InteractionDeps): Promise<void> {
  const name = commandNameOf(interaction);
  const command = services.commands.get(name);
  if (command?.slow) await interaction.deferReply();
  const reply = await dispatch(services.commands, name, rawArgsOf(interaction.options.data), contextOf(interaction, services));
  const rendered = renderReply(reply);
  if (reply.kind === "error") await sendPrivately(interaction, rendered);
  else await sendReply(interaction, rendered);
}
