import {
  MessageFlags,
  type BaseMessageOptions,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type InteractionReplyOptions,
  type StringSelectMenuInteraction,
} from "discord.js";
import { batchMessages } from "../render/batch.js";
import type { DiscordMessage } from "../render/message.js";

type Repliable = ChatInputCommandInteraction | ButtonInteraction | StringSelectMenuInteraction;
type Component = ButtonInteraction | StringSelectMenuInteraction;

/** The parts every send shares; nothing pings except the users a renderer named (a session's presenter). */
export function baseOptions(m: DiscordMessage): BaseMessageOptions {
  return {
    embeds: m.embeds,
    components: m.components,
    files: m.files.map((f) => ({ attachment: f.data, name: f.name, ...(f.description !== undefined ? { description: f.description } : {}) })),
    allowedMentions: { parse: [], users: m.mentionUsers },
    ...(m.content !== undefined ? { content: m.content } : {}),
  };
}

export function replyOptions(m: DiscordMessage): InteractionReplyOptions {
  return { ...baseOptions(m), ...(m.ephemeral ? { flags: MessageFlags.Ephemeral } : {}) };
}

/** Sends a rendered reply as the interaction's first answer, then follow-ups for what did not fit in one message. */
export async function sendReply(interaction: Repliable, rendered: DiscordMessage): Promise<void> {
  const [first, ...rest] = batchMessages(rendered);
  if (!first) return;
  if (interaction.deferred) await interaction.editReply(baseOptions(first));
  else await interaction.reply(replyOptions(first));
  for (const more of rest) await interaction.followUp(replyOptions(more));
}

/** Replaces the message a button or menu belongs to (the next page, the picked paper). */
export async function sendUpdate(interaction: Component, rendered: DiscordMessage): Promise<void> {
  const [first, ...rest] = batchMessages(rendered);
  if (!first) return;
  // content "" clears text the previous version of the message may have had.
  const options = { ...baseOptions(first), content: first.content ?? "" };
  if (interaction.deferred) await interaction.editReply(options);
  else await interaction.update(options);
  for (const more of rest) await interaction.followUp(replyOptions(more));
}

/** An error or notice only the user sees; after a deferral the public placeholder is removed first. */
export async function sendPrivately(interaction: Repliable, rendered: DiscordMessage): Promise<void> {
  const options = replyOptions({ ...rendered, ephemeral: true });
  if (interaction.deferred && interaction.isChatInputCommand()) {
    await interaction.deleteReply();
    await interaction.followUp(options);
  } else if (interaction.deferred || interaction.replied) await interaction.followUp(options);
  else await interaction.reply(options);
}
