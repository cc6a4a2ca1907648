import type { Announcer, DeliveryResult } from "../../src/ports.js";
import type { Platform, Reply } from "../../src/replies/reply.js";

export interface Posted {
  channelId: string;
  key: string;
  reply: Reply;
}

type Scripted = DeliveryResult | ((channelId: string) => DeliveryResult | undefined);

/**
 * A typed fake of a platform behind the Announcer port: it records what would
 * be posted, drops a repeated key the way Discord's nonce and Slack's metadata
 * lookup do, and fails on demand with scripted results.
 */
export class RecordingAnnouncer implements Announcer {
  readonly posted: Posted[] = [];
  readonly calls: Posted[] = [];
  /** Direct messages sent, `channelId` being the user's id. */
  readonly directs: Posted[] = [];
  /** Posts in threads: the message the thread hangs on and the thread's name. */
  readonly threadPosts: Array<Posted & { parentMessageId: string; threadName: string }> = [];
  private readonly script: Scripted[] = [];

  constructor(readonly platform: Platform = "discord") {}

  /** The next calls return these results (a function may decide per channel, returning undefined to post normally). */
  then(...results: Scripted[]): this {
    this.script.push(...results);
    return this;
  }

  async announce(channelId: string, reply: Reply, key: string): Promise<DeliveryResult> {
    this.calls.push({ channelId, key, reply });
    const next = this.script.shift();
    const scripted = typeof next === "function" ? next(channelId) : next;
    if (scripted) return scripted;
    const earlier = this.posted.findIndex((p) => p.key === key);
    if (earlier >= 0) return { ok: true, messageId: `m${earlier + 1}` };
    this.posted.push({ channelId, key, reply });
    return { ok: true, messageId: `m${this.posted.length}` };
  }

  async postInThread(channelId: string, parentMessageId: string, threadName: string, reply: Reply, key: string): Promise<DeliveryResult> {
    const earlier = this.threadPosts.findIndex((p) => p.key === key);
    if (earlier >= 0) return { ok: true, messageId: `t${earlier + 1}` };
    this.threadPosts.push({ channelId, parentMessageId, threadName, key, reply });
    return { ok: true, messageId: `t${this.threadPosts.length}` };
  }

  /** Edits of earlier messages: the message id edited and what it shows now. */
  readonly edits: Array<Posted & { messageId: string }> = [];

  async edit(channelId: string, messageId: string, reply: Reply, key: string): Promise<DeliveryResult> {
    this.edits.push({ channelId, messageId, key, reply });
    return { ok: true, messageId };
  }

  async direct(userId: string, reply: Reply, key: string): Promise<DeliveryResult> {
    const earlier = this.directs.findIndex((p) => p.key === key);
    if (earlier >= 0) return { ok: true, messageId: `d${earlier + 1}` };
    this.directs.push({ channelId: userId, key, reply });
    return { ok: true, messageId: `d${this.directs.length}` };
  }

  /** Paper names announced to a channel, in order ("digest:N" for a digest of N). */
  namesIn(channelId: string): string[] {
    return this.posted
      .filter((p) => p.channelId === channelId)
      .flatMap((p) => (p.reply.kind === "announcement" ? p.reply.items.map((i) => `${i.change}:${i.card.name}`) : p.reply.kind === "digest" ? [`digest:${p.reply.items.length + p.reply.more}`] : [p.reply.kind]));
  }
}
