import {
  MessageFlags,
  type BaseMessageOptions,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type InteractionReplyOptions,
  type RepliableInteraction,
  type StringSelectMenuInteraction,
} from "discord.js";
import { batchMessages } from "../render/batch.js";
import type { DiscordMessage } from "../render/message.js";
import { documentedPayload } from "./documented-payload.js";

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

// Each answer goes out with only the fields its route defines (documented-payload.ts).
export const answer = (interaction: RepliableInteraction, options: InteractionReplyOptions) => interaction.reply(documentedPayload(interaction, options, "reply"));
const followUp = (interaction: Repliable, options: InteractionReplyOptions) => interaction.followUp(documentedPayload(interaction.webhook, options, "followUp"));
const editReply = (interaction: Repliable, options: BaseMessageOptions) => interaction.editReply(documentedPayload(interaction.webhook, options, "edit"));
const update = (interaction: Component, options: BaseMessageOptions) => interaction.update(documentedPayload(interaction, options, "update"));

/** Sends a rendered reply as the interaction's first answer, then follow-ups for what did not fit in one message. */
export async function sendReply(interaction: Repliable, rendered: DiscordMessage): Promise<void> {
  const [first, ...rest] = batchMessages(rendered);
  if (!first) return;
  if (interaction.deferred) await editReply(interaction, baseOptions(first));
  else await answer(interaction, replyOptions(first));
  for (const more of rest) await followUp(interaction, replyOptions(more));
}

/** Replaces the message a button or menu belongs to (the next page, the picked paper). */
export async function sendUpdate(interaction: Component, rendered: DiscordMessage): Promise<void> {
  const [first, ...rest] = batchMessages(rendered);
  if (!first) return;
  // content "" clears text the previous version of the message may have had.
  const options = { ...baseOptions(first), content: first.content ?? "" };
  if (interaction.deferred) await editReply(interaction, options);
  else await update(interaction, options);
  for (const more of rest) await followUp(interaction, replyOptions(more));
}

/** An error or notice only the user sees; after a deferral the public placeholder is removed first. */
export async function sendPrivately(interaction: Repliable, rendered: DiscordMessage): Promise<void> {
  const options = replyOptions({ ...rendered, ephemeral: true });
  if (interaction.deferred && interaction.isChatInputCommand()) {
    await interaction.deleteReply();
    await followUp(interaction, options);
  } else if (interaction.deferred || interaction.replied) await followUp(interaction, options);
  else await answer(interaction, options);
}
