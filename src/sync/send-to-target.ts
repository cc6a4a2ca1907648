import type { Logger } from "../log.js";
import type { Announcer, DeliveryAttempt, DeliveryResult } from "../ports.js";
import type { Reply } from "../replies/reply.js";
import type { OutboxRow } from "../store/outbox-repo.js";
import type { Store } from "../store/store.js";

const refuse = (retry: "transient" | "permanent", reason: string): Promise<DeliveryResult> => Promise.resolve({ ok: false, retry, reason });
const parentFailed = (reason: string): Promise<DeliveryResult> => Promise.resolve({ ok: false, retry: "permanent", reason, followsParent: true });

/** A paper post (announcement or digest) to a channel that asked for a ping carries it; nothing else pings. */
function withMention(store: Store, row: OutboxRow, reply: Reply): Reply {
  if (reply.kind !== "announcement" && reply.kind !== "digest") return reply;
  const mention = store.subscriptions.get(row.platform, row.channelId)?.delivery.mention;
  return mention ? { ...reply, mention: { id: mention } } : reply;
}

/**
 * One outbox row to its platform: a channel post, or the row's other kind of
 * target (a DM, a post in the thread of an earlier delivery, an edit of one) through the
 * announcer's capability for it.
 */
export function sendToTarget(store: Store, announcer: Announcer, row: OutboxRow, reply: Reply, attempt: DeliveryAttempt): Promise<DeliveryResult> {
  const target = store.deliveryTargets.get(row.id);
  if (!target) return announcer.announce(row.channelId, withMention(store, row, reply), row.key, attempt);
  if (target.kind === "dm") {
    if (!announcer.direct) return refuse("permanent", `${row.platform} cannot send direct messages`);
    return announcer.direct(row.channelId, reply, row.key, attempt);
  }
  if (target.kind === "thread") {
    const parent = store.deliveryTargets.parentOf(target.parentKey);
    if (parent.state === "failed") return parentFailed(`the thread's first message was not delivered: ${parent.reason}`);
    if (parent.state === "waiting") return refuse("transient", "the thread's first message is not posted yet");
    if (!announcer.postInThread) return announcer.announce(row.channelId, reply, row.key, attempt);
    return announcer.postInThread(row.channelId, parent.messageId, target.name, reply, row.key, attempt);
  }
  const parent = store.deliveryTargets.parentOf(target.parentKey);
  if (parent.state === "failed") return parentFailed(`the message to edit was not delivered: ${parent.reason}`);
  if (parent.state === "waiting") return refuse("transient", "the message to edit is not posted yet");
  if (!announcer.edit) return refuse("permanent", `${row.platform} cannot edit messages`);
  return announcer.edit(row.channelId, parent.messageId, reply, row.key, attempt);
}

const TIMED_OUT = Symbol("timed out");

/** sendToTarget within `timeoutMs`: no answer by then, or a throw (an adapter should return a result), is a transient failure. */
export async function sendWithin(store: Store, announcer: Announcer, row: OutboxRow, reply: Reply, timeoutMs: number, log: Logger): Promise<DeliveryResult> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<typeof TIMED_OUT>((resolve) => {
      timer = setTimeout(() => resolve(TIMED_OUT), timeoutMs);
    });
    const attempt = { number: row.attempts, queuedAt: row.createdAt };
    const result = await Promise.race([sendToTarget(store, announcer, row, reply, attempt), timeout]);
    if (result === TIMED_OUT) return { ok: false, retry: "transient", reason: `no answer from ${row.platform} within ${timeoutMs} ms` };
    return result;
  } catch (error) {
    log.error({ err: error, key: row.key }, "announcer threw");
    return { ok: false, retry: "transient", reason: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}
