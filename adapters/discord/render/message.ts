import type { APIActionRowComponent, APIComponentInMessageActionRow, APIEmbed } from "discord.js";

export type ActionRow = APIActionRowComponent<APIComponentInMessageActionRow>;

/** A rendered reply: what one (or, after batching, several) Discord messages carry. Pure data, no discord.js objects. */
export interface DiscordMessage {
  /** Message text; already escaped. */
  content?: string;
  embeds: APIEmbed[];
  components: ActionRow[];
  /** Attachments; `description` is the alt text Discord shows screen readers (at most 1024 characters). */
  files: Array<{ name: string; data: Buffer; contentType: string; description?: string }>;
  /** The only users this message may ping (a reading-group presenter); @everyone and @here never. */
  mentionUsers: string[];
  /** The only roles this message may ping (the role a subscription names); none otherwise. */
  mentionRoles: string[];
  /** Only the invoking user sees it (errors). Ignored for channel posts. */
  ephemeral: boolean;
}

export const message = (over: Partial<DiscordMessage>): DiscordMessage => ({ embeds: [], components: [], files: [], mentionUsers: [], mentionRoles: [], ephemeral: false, ...over });
