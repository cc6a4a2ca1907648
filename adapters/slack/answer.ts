import type { RespondArguments, RespondFn } from "@slack/bolt";
import type { Logger } from "../../src/log.js";
import type { SlackMessage } from "./render/blocks.js";

/** Slack drops a slash command not acknowledged within 3 s; past this the answer goes through response_url instead. */
export const DEFAULT_ACK_DEADLINE_MS = 2_000;

export const WORKING: RespondArguments = { response_type: "ephemeral", text: "Working on it…" };

export const ephemeral = (message: SlackMessage): RespondArguments => ({ response_type: "ephemeral", ...message });

export interface AnswerOptions {
  ack: (response?: RespondArguments) => Promise<void>;
  respond: RespondFn;
  /** The command says it is slow: acknowledge at once, answer later. */
  slow: boolean;
  deadlineMs: number;
  work: () => Promise<SlackMessage>;
  log: Logger;
}

type Raced = { done: true; message: SlackMessage } | { done: false };

/**
 * Answers a slash command within Slack's 3 s: a fast answer goes in the
 * acknowledgement itself; a slow command, or any answer not ready by the
 * deadline, is acknowledged with "Working on it…" and then replaces that
 * message through response_url.
 */
export async function answerCommand({ ack, respond, slow, deadlineMs, work, log }: AnswerOptions): Promise<void> {
  const pending = work();
  let timer: NodeJS.Timeout | undefined;
  const raced: Raced = slow
    ? { done: false }
    : await Promise.race([
        pending.then((message): Raced => ({ done: true, message })),
        new Promise<Raced>((resolve) => {
          timer = setTimeout(() => resolve({ done: false }), deadlineMs);
        }),
      ]);
  clearTimeout(timer);
  if (raced.done) {
    await ack(ephemeral(raced.message));
    return;
  }
  await ack(WORKING);
  await respondSafely(respond, { ...ephemeral(await pending), replace_original: true }, log);
}

/** A response_url post that logs instead of throwing (an expired or failing response_url must not crash the listener). */
export async function respondSafely(respond: RespondFn, message: RespondArguments, log: Logger): Promise<boolean> {
  try {
    await respond(message);
    return true;
  } catch (error) {
    log.warn({ err: error }, "slack: response_url post failed");
    return false;
  }
}
