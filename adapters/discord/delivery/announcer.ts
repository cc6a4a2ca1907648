import { DiscordAPIError, Routes, type REST } from "discord.js";
import type { Logger } from "../../../src/log.js";
import type { Announcer, DeliveryResult } from "../../../src/ports.js";
import type { Reply } from "../../../src/replies/reply.js";
import { batchMessages } from "../render/batch.js";
import type { DiscordMessage } from "../render/message.js";
import { renderReply } from "../render/render-reply.js";
import { deliveryFailure } from "./delivery-failure.js";
import { nonceFor } from "./nonce.js";

const SNOWFLAKE = /^\d{15,25}$/;
/** "A thread has already been created for this message". */
const THREAD_EXISTS = 160004;

/** The JSON body of a channel post: nothing pings but a named presenter or a subscription's role; the nonce makes a retry idempotent. */
export function messageBody(part: DiscordMessage, nonce: string) {
  return {
    ...(part.content !== undefined ? { content: part.content } : {}),
    embeds: part.embeds,
    components: part.components,
    allowed_mentions: {
      parse: [],
      ...(part.mentionUsers.length > 0 ? { users: part.mentionUsers } : {}),
      ...(part.mentionRoles.length > 0 ? { roles: part.mentionRoles } : {}),
    },
    nonce,
    enforce_nonce: true,
  };
}

const idOf = (posted: unknown): string =>
  typeof posted === "object" && posted !== null && "id" in posted && typeof posted.id === "string" ? posted.id : "";

/**
 * Posts replies (announcements, digests, reading-group posts) to channels
 * through the REST API, embeds batched at most 10 (and 6000 characters) per
 * message. A delivery of several messages reports the first one's id; if a
 * later part fails, the outbox retries the whole delivery and the nonces of the
 * parts already posted make Discord return them instead of posting them again.
 */
export class DiscordAnnouncer implements Announcer {
  readonly platform = "discord" as const;
  /**
   * Discord's global limit is 50 requests/s: calls start at that rate, up to 50
   * in flight to absorb latency; discord.js keeps each request within the
   * global limit and the route buckets it reports.
   */
  readonly limits = { concurrency: 50, perSecond: 50 };

  constructor(
    private readonly rest: REST,
    private readonly log: Logger,
  ) {}

  async announce(channelId: string, reply: Reply, key: string): Promise<DeliveryResult> {
    if (!SNOWFLAKE.test(channelId)) return { ok: false, retry: "permanent", reason: `"${channelId.slice(0, 40)}" is not a Discord channel id` };
    const parts = batchMessages(renderReply(reply));
    let first: string | undefined;
    for (const [i, part] of parts.entries()) {
      try {
        const posted = await this.rest.post(Routes.channelMessages(channelId), {
          body: messageBody(part, nonceFor(key, i)),
          files: part.files.map((f) => ({ name: f.name, data: f.data, contentType: f.contentType })),
        });
        first ??= idOf(posted);
      } catch (error) {
        const failure = deliveryFailure(error, channelId);
        this.log.warn({ channel: channelId, key, part: i, retry: failure.retry }, `discord: announcement not delivered: ${failure.reason}`);
        return failure;
      }
    }
    return { ok: true, messageId: first ?? "" };
  }

  /**
   * A post in the thread on a message: the thread is started on the message
   * (named) unless it exists already (Discord error 160004); a thread started
   * from a message has the message's id, so the post goes there.
   */
  async postInThread(channelId: string, parentMessageId: string, threadName: string, reply: Reply, key: string): Promise<DeliveryResult> {
    if (!SNOWFLAKE.test(channelId) || !SNOWFLAKE.test(parentMessageId)) return { ok: false, retry: "permanent", reason: "not a Discord channel and message id" };
    try {
      await this.rest.post(`/channels/${channelId}/messages/${parentMessageId}/threads`, { body: { name: threadName, auto_archive_duration: 10080 } });
    } catch (error) {
      if (!(error instanceof DiscordAPIError && error.code === THREAD_EXISTS)) {
        const failure = deliveryFailure(error, channelId);
        this.log.warn({ channel: channelId, key, retry: failure.retry }, `discord: cannot open the thread: ${failure.reason}`);
        return failure;
      }
    }
    return this.announce(parentMessageId, reply, key);
  }

  /** Edits a message the bot posted (PATCH), to the first part of the rendered reply; nothing new may ping. */
  async edit(channelId: string, messageId: string, reply: Reply, key: string): Promise<DeliveryResult> {
    if (!SNOWFLAKE.test(channelId) || !SNOWFLAKE.test(messageId)) return { ok: false, retry: "permanent", reason: "not a Discord channel and message id" };
    const [part] = batchMessages(renderReply(reply));
    if (!part) return { ok: false, retry: "permanent", reason: "nothing to edit the message to" };
    const { nonce: _nonce, enforce_nonce: _enforce, ...body } = messageBody(part, "");
    try {
      await this.rest.patch(Routes.channelMessage(channelId, messageId), { body });
      return { ok: true, messageId };
    } catch (error) {
      const failure = deliveryFailure(error, channelId);
      this.log.warn({ channel: channelId, message: messageId, key, retry: failure.retry }, `discord: message not edited: ${failure.reason}`);
      return failure;
    }
  }

  /** A DM: POST /users/@me/channels opens (or returns) the DM channel with the user, then the post goes there with the same nonces. */
  async direct(userId: string, reply: Reply, key: string): Promise<DeliveryResult> {
    if (!SNOWFLAKE.test(userId)) return { ok: false, retry: "permanent", reason: `"${userId.slice(0, 40)}" is not a Discord user id` };
    let channel: string;
    try {
      channel = idOf(await this.rest.post(Routes.userChannels(), { body: { recipient_id: userId } }));
    } catch (error) {
      const failure = deliveryFailure(error, userId);
      this.log.warn({ user: userId, key, retry: failure.retry }, `discord: cannot open a DM: ${failure.reason}`);
      return failure;
    }
    return this.announce(channel, reply, key);
  }
}
