import type { webApi } from "@slack/bolt";
import type { Logger } from "../../src/log.js";
import type { Announcer, DeliveryAttempt, DeliveryResult } from "../../src/ports.js";
import type { Reply } from "../../src/replies/reply.js";
import { classifySlackError } from "./delivery-errors.js";
import { renderReply } from "./render/render-reply.js";

/** The metadata event type every announcement carries; its payload holds the outbox key. */
export const ANNOUNCEMENT_EVENT = "mss_announcement";

/** How far before an ambiguous attempt the history lookup starts (clock skew, queueing). */
const LOOKBACK_S = 600;
const HISTORY_PAGE = 200;
const HISTORY_PAGES = 5;
/** Ambiguous keys remembered at most (oldest forgotten first). */
const MAX_REMEMBERED = 1000;

/** Whether a message's metadata (untyped beyond its event type in the SDK) is the announcement of `key`. */
function carriesKey(metadata: { event_type?: string; event_payload?: object } | undefined, key: string): boolean {
  const payload = metadata?.event_payload;
  return metadata?.event_type === ANNOUNCEMENT_EVENT && payload !== undefined && "key" in payload && payload.key === key;
}

type Lookup = { kind: "found"; ts: string } | { kind: "absent" } | { kind: "retry"; result: DeliveryResult };

/**
 * Posts announcements with chat.postMessage: blocks, fallback text, no
 * unfurls, and the outbox key in the message metadata. When an attempt ends
 * ambiguously (a timeout or 5xx after the request was sent), the next attempt
 * for that key first looks for the key in the channel's recent history and
 * returns the message already there instead of posting it twice. The outbox's
 * attempt number covers what this process cannot remember: a retry after a
 * restart (attempt > 1) is checked the same way, from the time it was queued.
 */
export class SlackAnnouncer implements Announcer {
  readonly platform = "slack" as const;
  /**
   * Slack allows about one chat.postMessage per second per channel (its
   * documented limit): the outbox has one post in flight per channel and starts
   * a channel's next post a second after the previous one was answered, so a
   * burst rarely meets a 429; a 429's Retry-After holds only that channel.
   */
  readonly limits = { concurrency: 16, perChannelPerSecond: 1 };
  /** channel + key -> epoch ms of the first ambiguous attempt. */
  private readonly ambiguous = new Map<string, number>();

  constructor(
    private readonly client: webApi.WebClient,
    private readonly log: Logger,
    /** Wall clock, compared with Slack's message timestamps (not the services' test clock). */
    private readonly clock: () => number = Date.now,
  ) {}

  async announce(channelId: string, reply: Reply, key: string, attempt?: DeliveryAttempt): Promise<DeliveryResult> {
    const memoryKey = `${channelId}\u0000${key}`;
    const since = this.ambiguous.get(memoryKey) ?? (attempt && attempt.number > 1 ? Date.parse(attempt.queuedAt) : undefined);
    if (since !== undefined) {
      const lookup = await this.findPosted(channelId, key, since);
      if (lookup.kind === "found") {
        this.ambiguous.delete(memoryKey);
        this.log.info({ channel: channelId, key, ts: lookup.ts }, "slack: announcement was already posted; not posting again");
        return { ok: true, messageId: lookup.ts };
      }
      if (lookup.kind === "retry") return lookup.result;
    }

    const message = renderReply(reply);
    try {
      const posted = await this.client.chat.postMessage({
        channel: channelId,
        text: message.text,
        blocks: message.blocks,
        unfurl_links: false,
        unfurl_media: false,
        metadata: { event_type: ANNOUNCEMENT_EVENT, event_payload: { key } },
      });
      this.ambiguous.delete(memoryKey);
      if (typeof posted.ts !== "string") return { ok: false, retry: "permanent", reason: "Slack accepted the message but returned no timestamp" };
      return { ok: true, messageId: posted.ts };
    } catch (error) {
      const failure = classifySlackError(error);
      if (failure.ambiguous && since === undefined) this.remember(memoryKey);
      this.log.warn({ channel: channelId, key, reason: failure.result.reason, retry: failure.result.retry }, "slack: announcement not delivered");
      return failure.result;
    }
  }

  /** A reply under a message: Slack's thread of the post (it opens with the first reply; the name is Discord's only). */
  async postInThread(channelId: string, parentMessageId: string, _threadName: string, reply: Reply, key: string): Promise<DeliveryResult> {
    const message = renderReply(reply);
    try {
      const posted = await this.client.chat.postMessage({
        channel: channelId,
        thread_ts: parentMessageId,
        text: message.text,
        blocks: message.blocks,
        unfurl_links: false,
        unfurl_media: false,
        metadata: { event_type: ANNOUNCEMENT_EVENT, event_payload: { key } },
      });
      if (typeof posted.ts !== "string") return { ok: false, retry: "permanent", reason: "Slack accepted the reply but returned no timestamp" };
      return { ok: true, messageId: posted.ts };
    } catch (error) {
      const failure = classifySlackError(error);
      this.log.warn({ channel: channelId, key, reason: failure.result.reason, retry: failure.result.retry }, "slack: thread reply not delivered");
      return failure.result;
    }
  }

  /** chat.update of a message the bot posted (the weekly post's RSVP counts); the same update twice changes nothing. */
  async edit(channelId: string, messageId: string, reply: Reply, key: string): Promise<DeliveryResult> {
    const message = renderReply(reply);
    try {
      await this.client.chat.update({ channel: channelId, ts: messageId, text: message.text, blocks: message.blocks });
      return { ok: true, messageId };
    } catch (error) {
      const failure = classifySlackError(error);
      this.log.warn({ channel: channelId, ts: messageId, key, reason: failure.result.reason, retry: failure.result.retry }, "slack: message not updated");
      return failure.result;
    }
  }

  /** A DM: conversations.open gives the bot's IM channel with the user, then the post is an announcement there (same idempotency). */
  async direct(userId: string, reply: Reply, key: string, attempt?: DeliveryAttempt): Promise<DeliveryResult> {
    let channel: string | undefined;
    try {
      channel = (await this.client.conversations.open({ users: userId })).channel?.id;
    } catch (error) {
      const failure = classifySlackError(error);
      this.log.warn({ user: userId, key, reason: failure.result.reason, retry: failure.result.retry }, "slack: cannot open a DM");
      return failure.result;
    }
    if (!channel) return { ok: false, retry: "permanent", reason: "Slack opened no DM channel" };
    return this.announce(channel, reply, key, attempt);
  }

  private remember(memoryKey: string): void {
    this.ambiguous.set(memoryKey, this.clock());
    if (this.ambiguous.size > MAX_REMEMBERED) {
      const oldest = this.ambiguous.keys().next();
      if (!oldest.done) this.ambiguous.delete(oldest.value);
    }
  }

  /** Looks for a message carrying `key` in the channel since shortly before the ambiguous attempt. */
  private async findPosted(channel: string, key: string, since: number): Promise<Lookup> {
    const oldest = String(Math.floor(since / 1000) - LOOKBACK_S);
    let cursor: string | undefined;
    try {
      for (let page = 0; page < HISTORY_PAGES; page++) {
        const history = await this.client.conversations.history({ channel, oldest, limit: HISTORY_PAGE, include_all_metadata: true, ...(cursor ? { cursor } : {}) });
        for (const message of history.messages ?? []) {
          if (carriesKey(message.metadata, key) && typeof message.ts === "string") return { kind: "found", ts: message.ts };
        }
        cursor = history.response_metadata?.next_cursor || undefined;
        if (!history.has_more || !cursor) break;
      }
      return { kind: "absent" };
    } catch (error) {
      const failure = classifySlackError(error);
      if (failure.result.retry !== "permanent") return { kind: "retry", result: failure.result };
      // Without channels:history (or outside the channel) the check is impossible: post rather than never deliver.
      this.log.warn({ channel, key, reason: failure.result.reason }, "slack: cannot check history for an earlier post; posting again");
      return { kind: "absent" };
    }
  }
}
