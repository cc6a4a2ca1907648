import { MessageFlags, type ButtonInteraction, type StringSelectMenuInteraction } from "discord.js";
import { dispatch } from "../../../src/commands/dispatch.js";
import type { RawArgs } from "../../../src/commands/parse-text.js";
import { errorReply } from "../../../src/replies/reply.js";
import { parseCustomId } from "../render/custom-id.js";
import { renderReply } from "../render/render-reply.js";
import { contextOf, type InteractionDeps } from "./context.js";
import { sendPrivately, sendReply, sendUpdate } from "./respond.js";

/** What a component would run, or undefined when its custom_id is not one of ours (or names a command that is gone). */
function decode(interaction: ButtonInteraction | StringSelectMenuInteraction, deps: InteractionDeps): { name: string; args: RawArgs; ask?: true } | undefined {
  const action = parseCustomId(interaction.customId);
  if (!action) return undefined;
  if (action.kind === "link" || action.kind === "ask") {
    if (!deps.services.commands.get(action.link.command)) return undefined;
    return action.kind === "ask" ? { name: action.link.command, args: action.link.args, ask: true } : { name: action.link.command, args: action.link.args };
  }
  const value = interaction.isStringSelectMenu() ? interaction.values[0] : undefined;
  if (value === undefined || !deps.services.commands.get(action.command)) return undefined;
  return { name: action.command, args: { [action.option]: value } };
}

/**
 * A button (Prev/Next) or a pick from a select menu. The state is in the
 * custom_id, so this works for messages sent before a restart; the decoded
 * args are validated by dispatch like typed ones. The message is replaced by
 * the result; errors and unknown or expired components get a private answer.
 * An "ask" button (Abstract) leaves the message as it is and answers the
 * clicker privately, so a channel post stays the same for everyone.
 */
export async function onComponent(interaction: ButtonInteraction | StringSelectMenuInteraction, deps: InteractionDeps): Promise<void> {
  const target = decode(interaction, deps);
  if (!target) {
    const text = "This button or menu has expired or is no longer understood by the bot.";
    await sendPrivately(interaction, renderReply(errorReply("unavailable", text, "Run the command again, e.g. /papers or /paper <name>.")));
    return;
  }
  const slow = deps.services.commands.get(target.name)?.slow === true;
  if (target.ask) {
    if (slow) await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const reply = await dispatch(deps.services.commands, target.name, target.args, contextOf(interaction, deps.services));
    await sendReply(interaction, { ...renderReply(reply), ephemeral: true });
    return;
  }
  if (slow) await interaction.deferUpdate();
  const reply = await dispatch(deps.services.commands, target.name, target.args, contextOf(interaction, deps.services));
  const rendered = renderReply(reply);
  if (reply.kind === "error") await sendPrivately(interaction, rendered);
  else await sendUpdate(interaction, rendered);
}
