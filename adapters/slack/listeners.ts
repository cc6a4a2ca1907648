import type { App, BlockAction, RespondFn } from "@slack/bolt";
import type { Logger } from "../../src/log.js";
import { decodeCommandLink } from "../../src/replies/command-link.js";
import { errorReply, type Reply } from "../../src/replies/reply.js";
import { answerCommand, ephemeral, respondSafely } from "./answer.js";
import type { SlackCaller, SlackCommandRunner } from "./command-runner.js";
import { actionPattern } from "./render/action-ids.js";
import type { SlackMessage } from "./render/blocks.js";
import { renderReply } from "./render/render-reply.js";
import { readSlashCommand } from "./slash-command.js";
import type { SlackImageUploader } from "./upload-image.js";

export interface ListenerDeps {
  runner: SlackCommandRunner;
  log: Logger;
  ackDeadlineMs: number;
  /** Shares a reply's chart in the channel the command was typed in. */
  uploader: SlackImageUploader;
}

const STALE_BUTTON = errorReply("invalid", "This button no longer works.", "Run the command again.");

/** Runs a clicked button's command link (validated like typed arguments by the dispatcher). */
async function runLink(runner: SlackCommandRunner, value: string | undefined, caller: SlackCaller) {
  const link = value ? decodeCommandLink(value) : undefined;
  const command = link && runner.registry.get(link.command);
  if (!link || !command) return { reply: STALE_BUTTON, share: undefined };
  const reply = await runner.run(command, link.args, caller);
  return { reply, share: runner.shareValue(command, link.args, reply) };
}

function clickContext(body: BlockAction) {
  const caller: SlackCaller = { userId: body.user.id, userName: body.user.username || body.user.id, channelId: body.channel?.id };
  const container = body.container;
  return { caller, inEphemeral: typeof container === "object" && container !== null && container.is_ephemeral === true };
}

/**
 * The adapter's Slack listeners: every slash command (/paper, /papers,
 * /reading, /mss), pagination and pick-list buttons, Abstract buttons, Share, and link buttons.
 * None of them throws: failures become error replies or log lines.
 */
export function registerListeners(app: App, { runner, log, ackDeadlineMs, uploader }: ListenerDeps): void {
  app.command(/.*/, async ({ command, ack, respond }) => {
    let acked = false;
    const once = async (response?: Parameters<typeof ack>[0]) => {
      if (acked) return;
      acked = true;
      await ack(response);
    };
    try {
      const read = readSlashCommand(runner.registry, command.command, command.text ?? "");
      if (!read.ok) {
        await once(ephemeral(renderReply(read.reply)));
        return;
      }
      const caller: SlackCaller = { userId: command.user_id, userName: command.user_name, channelId: command.channel_id };
      let answered: Reply | undefined;
      const work = async (): Promise<SlackMessage> => {
        const reply = await runner.run(read.command, read.args, caller);
        answered = reply;
        return renderReply(reply, { share: runner.shareValue(read.command, read.args, reply) });
      };
      await answerCommand({ ack: once, respond, slow: read.command.slow === true, deadlineMs: ackDeadlineMs, work, log });
      // The answer is private; its chart is a file in the channel (a message's blocks cannot carry an upload).
      const image = answered?.kind === "info" ? answered.image : undefined;
      if (image && command.channel_id) {
        const uploaded = await uploader.upload(command.channel_id, image);
        if (!uploaded.ok) {
          await respondSafely(respond, { ...ephemeral(renderReply({ kind: "notice", text: `The chart could not be posted in this channel: ${uploaded.reason}` })), replace_original: false }, log);
        }
      }
    } catch (error) {
      log.error({ err: error, command: command.command }, "slack: slash command failed");
      await once(ephemeral(renderReply(errorReply("failed", "Something went wrong; it has been logged.")))).catch(() => {});
    }
  });

  app.action<BlockAction>({ type: "block_actions", action_id: actionPattern("link") }, async ({ ack }) => {
    await ack();
  });

  app.action<BlockAction>({ type: "block_actions", action_id: actionPattern("run") }, async ({ ack, body, action, respond }) => {
    await ack();
    const { caller, inEphemeral } = clickContext(body);
    const { reply, share } = await runLink(runner, action.type === "button" ? action.value : undefined, caller);
    // Replace the clicked ephemeral page in place; under a shared (channel) message answer the clicker alone.
    await respondSafely(respond, { ...ephemeral(renderReply(reply, { share })), replace_original: inEphemeral }, log);
  });

  // Abstract: answers the clicker alone and leaves the message (a card, a channel announcement) as it is.
  app.action<BlockAction>({ type: "block_actions", action_id: actionPattern("ask") }, async ({ ack, body, action, respond }) => {
    await ack();
    const { caller } = clickContext(body);
    const { reply } = await runLink(runner, action.type === "button" ? action.value : undefined, caller);
    await respondSafely(respond, { ...ephemeral(renderReply(reply)), replace_original: false }, log);
  });

  app.action<BlockAction>({ type: "block_actions", action_id: actionPattern("share") }, async ({ ack, body, action, respond }) => {
    await ack();
    const { caller, inEphemeral } = clickContext(body);
    const { reply } = await runLink(runner, action.type === "button" ? action.value : undefined, caller);
    await share(respond, reply, caller, inEphemeral, log);
  });
}

/** Posts the answer for everyone in the channel, then removes the asker's private copy. */
async function share(respond: RespondFn, reply: Reply, caller: SlackCaller, inEphemeral: boolean, log: Logger): Promise<void> {
  if (reply.kind === "error") {
    await respondSafely(respond, { ...ephemeral(renderReply(reply)), replace_original: false }, log);
    return;
  }
  const posted = await respondSafely(respond, { response_type: "in_channel", replace_original: false, ...renderReply(reply, { sharedBy: caller.userId }) }, log);
  if (posted && inEphemeral) await respondSafely(respond, { delete_original: true }, log);
}
